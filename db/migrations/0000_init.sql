CREATE TABLE `appeal_topics` (
	`appeal_id` text NOT NULL,
	`topic_code` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`appeal_id`, `topic_code`),
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_code`) REFERENCES `topics`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeal_topics_topic_idx` ON `appeal_topics` (`topic_code`);--> statement-breakpoint
CREATE TABLE `appeals` (
	`local_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`org_id` text NOT NULL,
	`status` text NOT NULL,
	`kind` text NOT NULL,
	`appeal_type` text NOT NULL,
	`form` text NOT NULL,
	`source` text NOT NULL,
	`applicant_kind` text NOT NULL,
	`applicant_surname` text DEFAULT '' NOT NULL,
	`applicant_name` text DEFAULT '' NOT NULL,
	`applicant_patronymic` text DEFAULT '' NOT NULL,
	`applicant_org_name` text DEFAULT '' NOT NULL,
	`applicant_unp` text DEFAULT '' NOT NULL,
	`applicant_signer` text DEFAULT '' NOT NULL,
	`applicant_address` text DEFAULT '' NOT NULL,
	`applicant_phone` text DEFAULT '' NOT NULL,
	`applicant_email` text DEFAULT '' NOT NULL,
	`applicant_display` text DEFAULT '' NOT NULL,
	`applicant_category` text DEFAULT '' NOT NULL,
	`answer_form` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`territory_code` text DEFAULT '' NOT NULL,
	`needs_additional_study` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	`registered_at` integer,
	`reg_number` text,
	`reg_year` integer,
	`reg_seq` integer,
	`number_provisional` integer DEFAULT false NOT NULL,
	`responsible_head_id` text,
	`deadline_at` integer,
	`deadline_explanation` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_head_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_id_unique` ON `appeals` (`id`);--> statement-breakpoint
CREATE INDEX `appeals_received_idx` ON `appeals` (`received_at`);--> statement-breakpoint
CREATE INDEX `appeals_status_received_idx` ON `appeals` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `appeals_registered_idx` ON `appeals` (`registered_at`);--> statement-breakpoint
CREATE INDEX `appeals_deadline_idx` ON `appeals` (`deadline_at`);--> statement-breakpoint
CREATE INDEX `appeals_applicant_idx` ON `appeals` (`applicant_display`);--> statement-breakpoint
CREATE INDEX `appeals_responsible_idx` ON `appeals` (`responsible_head_id`,`received_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_reg_number_uq` ON `appeals` (`org_id`,`reg_number`);--> statement-breakpoint
CREATE TABLE `applicant_categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` text NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`participants_list` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`added_at` integer NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_appeal_idx` ON `attachments` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `history_appeal_idx` ON `history` (`appeal_id`,`at`);--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`scope` text NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`org_id`, `year`, `scope`)
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unp` text DEFAULT '' NOT NULL,
	`reg_index` text DEFAULT 'ОГ' NOT NULL,
	`numbering_pattern` text DEFAULT '{index}-{year}-{seq}' NOT NULL,
	`numbering_authority` text DEFAULT 'local' NOT NULL,
	`workstation_code` text DEFAULT '01' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`command_id` text NOT NULL,
	`type` text NOT NULL,
	`appeal_id` text,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_command_id_unique` ON `outbox` (`command_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `territories` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`login` text NOT NULL,
	`full_name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (`login`);