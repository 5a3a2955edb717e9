import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DATE_IN_FUTURE, isAfterToday, vietnamToday } from '@chibo/domain';

export { DATE_IN_FUTURE };

/**
 * The one place that refuses a future date for a fact already recorded: an input field marked with it may not lie
 * after today in Vietnam's time zone (libs/domain `isAfterToday`, `vietnamToday`). The validation pipe reports it on
 * the field with reason DATE_IN_FUTURE, and lifts that reason to the error when every problem is one. Planned dates
 * (a meeting, a deadline, a term end, an assignment, an organisation change from a date) are not marked.
 */
export function NotAfterToday(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      // The pipe turns the constraint name into the field's reason (upper case).
      name: DATE_IN_FUTURE.toLowerCase(),
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} cannot be after today`, ...options },
      validator: { validate: (value: unknown) => !isAfterToday(value, vietnamToday()) },
    });
}
