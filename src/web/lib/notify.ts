import { notifications } from '@mantine/notifications';
import type { TFunction } from '../i18n/context';
import { errorMessage, serverFieldErrors } from './formErrors';

/** Shows a green confirmation. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

/** Puts the server's field errors next to their inputs and shows its general message. */
export function showServerError(error: unknown, t: TFunction, setErrors?: (errors: Record<string, string>) => void): void {
  const fields = serverFieldErrors(error);
  if (setErrors && Object.keys(fields).length > 0) {
    setErrors(fields);
    focusFirstError();
  }
  notifications.show({ color: 'red', title: t('error.title'), message: errorMessage(error, t), autoClose: 8000 });
}

/** After a failed client-side validation: scrolls to and focuses the first field marked invalid. */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field.focus({ preventScroll: true });
  });
}

interface Mutation<I, R> {
  mutate(input: I, options: { onSuccess: (result: R) => void; onError: (error: unknown) => void }): void;
}

/** A form's submit handler: saves, then confirms and moves on; or puts the server's errors next to the fields. */
export function submitWith<I, R>(mutation: Mutation<I, R>, t: TFunction, success: string, then: (result: R) => void) {
  return (input: I, setErrors: (errors: Record<string, string>) => void) =>
    mutation.mutate(input, {
      onSuccess: (result) => {
        notifySuccess(success);
        then(result);
      },
      onError: (error) => showServerError(error, t, setErrors),
    });
}
