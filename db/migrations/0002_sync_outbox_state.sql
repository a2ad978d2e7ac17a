ALTER TABLE `outbox` ADD `settled_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_state_seq_idx` ON `outbox` (`state`,`seq`);