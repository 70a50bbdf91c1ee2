import { z } from 'zod';

/** Venue signing (decision 0028): a short personal PIN, and a signature given on the secretary's or chair's device. */

const PIN = /^\d{4,6}$/;
const PIN_MESSAGE = 'Mã PIN gồm 4 đến 6 chữ số';

/** A PIN nobody should choose: all one digit (1111) or a run up or down (1234, 654321). */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] as number)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] as number);
}

/** The owner sets (or changes) their own signing PIN. */
export const signingPinInput = z.object({
  pin: z
    .string()
    .regex(PIN, PIN_MESSAGE)
    .refine((p) => !isGuessablePin(p), 'Mã PIN quá dễ đoán (các số giống nhau hoặc liên tiếp), hãy chọn mã khác'),
});
export type SigningPinInput = z.infer<typeof signingPinInput>;

/** Whether the logged-in person has a signing PIN (the PIN itself is never returned). */
export const signingPinStatus = z.object({ set: z.boolean(), setAt: z.string().nullable() });
export type SigningPinStatus = z.infer<typeof signingPinStatus>;

/** A participant signs on the device holder's session, proving who they are with their PIN or their password. */
export const venueSignInput = z
  .object({
    personId: z.uuid('Chọn người ký'),
    pin: z.string().regex(PIN, PIN_MESSAGE).optional(),
    password: z.string().min(1, 'Nhập mật khẩu').max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.pin === undefined) === (v.password === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['pin'], message: 'Nhập mã PIN hoặc mật khẩu của người ký (một trong hai)' });
    }
  });
export type VenueSignInput = z.infer<typeof venueSignInput>;
