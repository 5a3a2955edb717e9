import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError } from '@chibo/domain';
import type { FieldError } from './errors';
import { DATE_IN_FUTURE } from './not-after-today';

const flatten = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      reason: rule.toUpperCase(),
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });

/** class-validator on every input and @ArgsType class: unknown fields refused, errors as BAD_USER_INPUT with each field and reason. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    const type = meta.metatype;
    // Only GraphQL arguments are client input (Nest reports them as 'body'); parents and context are ours.
    if (meta.type !== 'body') return value;
    if (
      !type ||
      value === null ||
      value === undefined ||
      [String, Boolean, Number, Array, Object].includes(type as never)
    ) {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    // An @ArgsType class (`@Args()` without a name, meta.data undefined) receives every argument of the field: those
    // it does not declare are other parameters' (validated there), and GraphQL itself refuses an unknown argument.
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: meta.data !== undefined });
    if (errors.length > 0) {
      const fields = flatten(errors);
      // A stable reason more specific than VALIDATION, when it is every problem's (e.g. DATE_IN_FUTURE).
      const reason = fields.every((f) => f.reason === DATE_IN_FUTURE) ? { reason: DATE_IN_FUTURE } : {};
      throw new DomainError(
        'VALIDATION',
        `Invalid input: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}`,
        fields[0]?.field,
        { fields, ...reason },
      );
    }
    return instance;
  }
}
