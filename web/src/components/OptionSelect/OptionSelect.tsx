import { Select } from 'nhsuk-react-components';
import type { ComponentProps } from 'react';

export interface SelectOption {
  id: string;
  name: string;
}

/** Labels keyed by value (such as PLATFORM_LABELS) as options, in their declared order. */
export function labelOptions(labels: Record<string, string>): SelectOption[] {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}

/** A select whose first option ("Any …", "Not given") is empty, then one option per item. */
export function OptionSelect({
  emptyLabel,
  options,
  ...props
}: Omit<ComponentProps<typeof Select>, 'children'> & {
  emptyLabel: string;
  options: readonly SelectOption[];
}) {
  return (
    <Select {...props}>
      <Select.Option value="">{emptyLabel}</Select.Option>
      {options.map((o) => (
        <Select.Option key={o.id} value={o.id}>
          {o.name}
        </Select.Option>
      ))}
    </Select>
  );
}
