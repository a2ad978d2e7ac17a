CREATE TABLE `appeal_links` (
	`appeal_id` text NOT NULL,
	`linked_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`appeal_id`, `linked_id`, `kind`),
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `appeal_links_linked_idx` ON `appeal_links` (`linked_id`);--> statement-breakpoint
CREATE TABLE `directory_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unp` text DEFAULT '' NOT NULL,
	`state` integer NOT NULL,
	`subordinate` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispatches` (
	`id` text PRIMARY KEY NOT NULL,
	`appeal_id` text NOT NULL,
	`kind` text NOT NULL,
	`org_id` text,
	`org_name` text,
	`text` text NOT NULL,
	`answer_form` text,
	`topic_codes` text DEFAULT '[]' NOT NULL,
	`due_at` integer,
	`on_control` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dispatches_appeal_idx` ON `dispatches` (`appeal_id`);--> statement-breakpoint
CREATE INDEX `dispatches_control_idx` ON `dispatches` (`on_control`,`due_at`);--> statement-breakpoint
CREATE TABLE `resolution_tasks` (
	`resolution_id` text NOT NULL,
	`executor_id` text NOT NULL,
	`appeal_id` text NOT NULL,
	`responsible` integer NOT NULL,
	`position` integer NOT NULL,
	`due_at` integer NOT NULL,
	`state` text NOT NULL,
	`result_text` text DEFAULT '' NOT NULL,
	`result_at` integer,
	`reject_reason` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`resolution_id`, `executor_id`),
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resolution_tasks_executor_idx` ON `resolution_tasks` (`executor_id`,`state`);--> statement-breakpoint
CREATE INDEX `resolution_tasks_appeal_idx` ON `resolution_tasks` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` text PRIMARY KEY NOT NULL,
	`appeal_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`summary_text` text,
	`summary_at` integer,
	`summary_by` text,
	`return_reason` text DEFAULT '' NOT NULL,
	`signed_by` text,
	`signed_at` integer,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resolutions_appeal_idx` ON `resolutions` (`appeal_id`);--> statement-breakpoint
CREATE INDEX `resolutions_state_idx` ON `resolutions` (`state`);--> statement-breakpoint
CREATE TABLE `review_events` (
	`command_id` text PRIMARY KEY NOT NULL,
	`appeal_id` text NOT NULL,
	`applied_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_files` (
	`owner` text NOT NULL,
	`position` integer NOT NULL,
	`appeal_id` text NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`added_at` integer NOT NULL,
	`added_by` text NOT NULL,
	PRIMARY KEY(`owner`, `position`),
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_files_appeal_idx` ON `review_files` (`appeal_id`);--> statement-breakpoint
ALTER TABLE `appeal_topics` ADD `executor_id` text;--> statement-breakpoint
ALTER TABLE `appeal_topics` ADD `result` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `appeal_topics` ADD `redirected_to` text;--> statement-breakpoint
ALTER TABLE `appeals` ADD `control_by` text;--> statement-breakpoint
ALTER TABLE `appeals` ADD `control_due_at` integer;--> statement-breakpoint
ALTER TABLE `appeals` ADD `control_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `appeals_unp_idx` ON `appeals` (`applicant_unp`);