import { IsInt, Length, registerDecorator, validateSync } from 'class-validator';
import { rememberValidationRules } from './validation-rules';

const failing = (object: object) => validateSync(object).map((error) => error.property);

describe('rememberValidationRules', () => {
  beforeAll(() => rememberValidationRules());

  it('applies a class’s rules and the ones it inherits, as class-validator does', () => {
    class Page {
      @IsInt() first = 1.5;
    }
    class NamedPage extends Page {
      @Length(1, 3) name = 'too long';
    }
    expect(failing(new Page())).toEqual(['first']);
    expect(failing(new NamedPage()).sort()).toEqual(['first', 'name']);
    // asked again, the remembered answer
    expect(failing(new NamedPage()).sort()).toEqual(['first', 'name']);
    expect(failing(Object.assign(new NamedPage(), { first: 2, name: 'ok' }))).toEqual([]);
  });

  it('forgets what it remembered when a rule is added later', () => {
    class Late {
      @IsInt() count = 1;
      label = 'x';
    }
    expect(failing(new Late())).toEqual([]);
    registerDecorator({
      target: Late,
      propertyName: 'label',
      validator: { validate: (value: unknown) => value === 'y' },
    });
    expect(failing(new Late())).toEqual(['label']);
  });
});
