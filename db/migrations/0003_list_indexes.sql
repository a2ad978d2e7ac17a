DROP INDEX `appeals_received_idx`;--> statement-breakpoint
DROP INDEX `appeals_registered_idx`;--> statement-breakpoint
DROP INDEX `appeals_deadline_idx`;--> statement-breakpoint
DROP INDEX `appeals_applicant_idx`;--> statement-breakpoint
CREATE INDEX `appeals_number_order_idx` ON `appeals` (`reg_year`,`reg_seq`,`local_id`,`status`,`form`,`kind`);--> statement-breakpoint
CREATE INDEX `appeals_form_received_idx` ON `appeals` (`form`,`received_at`);--> statement-breakpoint
CREATE INDEX `appeals_kind_received_idx` ON `appeals` (`kind`,`received_at`);--> statement-breakpoint
CREATE INDEX `appeals_received_idx` ON `appeals` (`received_at`,`local_id`,`status`,`form`,`kind`);--> statement-breakpoint
CREATE INDEX `appeals_registered_idx` ON `appeals` (`registered_at`,`local_id`,`status`,`form`,`kind`);--> statement-breakpoint
CREATE INDEX `appeals_deadline_idx` ON `appeals` (`deadline_at`,`local_id`,`status`,`form`,`kind`);--> statement-breakpoint
CREATE INDEX `appeals_applicant_idx` ON `appeals` (`applicant_display`,`local_id`,`status`,`form`,`kind`);