import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ');
const date = z.iso.date();
const dayHours = z.object({ start: time, end: time, lunch: z.object({ start: time, end: time }).optional() });

/**
 * The organisation's calendar as the administrator edits it (regulation 4.4, 6.2): working hours,
 * extra transfers of working days (e.g. 2027's once published) and the organisation's own exceptions.
 */
export const calendarSettingsSchema = z.object({
  hours: z
    .object({
      default: dayHours.optional(),
      mon: dayHours.optional(),
      tue: dayHours.optional(),
      wed: dayHours.optional(),
      thu: dayHours.optional(),
      fri: dayHours.optional(),
    })
    .default({}),
  transfers: z
    .array(z.object({ year: z.number().int(), dayOff: date, workday: date, source: z.string().min(1).max(300) }))
    .max(100)
    .default([]),
  exceptions: z
    .array(z.object({ date, working: z.boolean(), hours: dayHours.optional(), note: z.string().min(1).max(300) }))
    .max(1000)
    .default([]),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
