CREATE TABLE `security_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`login` text NOT NULL,
	`user_id` text,
	`workstation` text NOT NULL,
	`address` text NOT NULL,
	`result` text NOT NULL,
	`details` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `users` ADD `failed_logins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `locked_until` integer;--> statement-breakpoint
CREATE TRIGGER `security_events_no_update` BEFORE UPDATE ON `security_events` BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `security_events_no_delete` BEFORE DELETE ON `security_events` BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;
