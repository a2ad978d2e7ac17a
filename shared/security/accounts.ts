import { z } from 'zod';
import { ROLES } from '../appeals/enums';
import { userSchema } from '../appeals/schema';
import { PASSWORD_MAX_LENGTH } from './password-rules';

/** Logins: Latin letters, digits, dot, dash, underscore (they are typed on any keyboard layout). */
export const loginSchema = z
  .string()
  .trim()
  .min(2, 'Имя пользователя: не менее 2 символов')
  .max(64, 'Имя пользователя: не более 64 символов')
  .regex(/^[a-z0-9._-]+$/i, 'Имя пользователя: только латинские буквы, цифры, точка, дефис и подчёркивание');

const fullNameSchema = z.string().trim().min(3, 'Укажите ФИО полностью').max(200);
const positionSchema = z.string().trim().max(200);
const rolesSchema = z.array(z.enum(ROLES)).min(1, 'Назначьте хотя бы одну роль').max(ROLES.length);
export const passwordInputSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** One row of «Пользователи» for the administrator. */
export const accountSchema = userSchema.extend({
  disabled: z.boolean(),
  /** ISO instant while the account is locked after failed logins, else null. */
  lockedUntil: z.string().nullable(),
  failedLogins: z.number(),
  mustChangePassword: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountCreateSchema = z.object({
  login: loginSchema,
  fullName: fullNameSchema,
  position: positionSchema,
  roles: rolesSchema,
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const accountUpdateSchema = z.object({
  id: z.string().max(64),
  fullName: fullNameSchema,
  position: positionSchema,
  roles: rolesSchema,
});
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

/** The idle lock (regulation 6.3: «более 15 минут» by default), minutes, set by the administrator. */
export const IDLE_LOCK_DEFAULT_MINUTES = 15;
export const idleLockMinutesSchema = z
  .number()
  .int()
  .min(1, 'Время блокировки: не менее 1 минуты')
  .max(120, 'Время блокировки: не более 120 минут');

/** What the renderer needs right after login: the forced password change and the idle lock's time. */
export const accountStatusSchema = z.object({
  mustChangePassword: z.boolean(),
  idleLockMinutes: z.number(),
});
