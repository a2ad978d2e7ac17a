CREATE TABLE `saved_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`owner_id` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_reports_owner_idx` ON `saved_reports` (`owner_id`);--> statement-breakpoint
ALTER TABLE `appeals` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `appeals_report_idx` ON `appeals` (`registered_at`,`status`,`kind`,`appeal_type`,`form`,`source`,`territory_code`,`applicant_category`,`responsible_head_id`,`deadline_at`,`closed_at`,`id`);--> statement-breakpoint
CREATE INDEX `appeals_redirected_in_idx` ON `appeals` (`local_id`) WHERE substr("appeals"."notes", 1, 32) = 'Перенаправлено по компетенции из';--> statement-breakpoint
CREATE INDEX `appeal_topics_redirected_idx` ON `appeal_topics` (`appeal_id`) WHERE "appeal_topics"."redirected_to" IS NOT NULL;--> statement-breakpoint
UPDATE `appeals` SET `closed_at` = coalesce((SELECT max(`at`) FROM `history` WHERE `history`.`appeal_id` = `appeals`.`id`), `updated_at`) WHERE `status` IN ('completed', 'left_without_consideration', 'redirected', 'withdrawn');
