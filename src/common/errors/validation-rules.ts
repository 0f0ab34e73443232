import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Find = (
  target: new (...args: unknown[]) => unknown,
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

let remembered = false;

/**
 * class-validator works out the rules of a class on every validation, walking every class that
 * has rules (an `instanceof` each) to find the ones it inherits from: the largest single cost of
 * validating a request's arguments (docs/benchmarks.md, "Where a profile request's time goes").
 * The rules are decorators, all read as the modules load, so the answer for a class is
 * remembered; a rule added later (a class loaded late) forgets every answer.
 */
export function rememberValidationRules(): void {
  if (remembered) return;
  remembered = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Find;
    groupByPropertyName(metadatas: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
    addValidationMetadata(metadata: ValidationMetadata): void;
  };
  const find = storage.getTargetValidationMetadatas.bind(storage) as Find;
  const add = storage.addValidationMetadata.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let answers = new Map<unknown, Map<string, ValidationMetadata[]>>();
  const grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let forTarget = answers.get(target);
    if (!forTarget) answers.set(target, (forTarget = new Map()));
    let answer = forTarget.get(key);
    if (!answer) forTarget.set(key, (answer = find(target, schema, always, strictGroups, groups)));
    return answer;
  };
  // asked of each answer on every validation, and the same answer gives the same groups
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
}
