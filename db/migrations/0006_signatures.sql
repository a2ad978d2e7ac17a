CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`appeal_id` text NOT NULL,
	`document_kind` text NOT NULL,
	`document_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`cert_subject` text NOT NULL,
	`cert_issuer` text NOT NULL,
	`cert_serial` text NOT NULL,
	`cert_not_after` text NOT NULL,
	`cert_sha256` text NOT NULL,
	`signed_at` integer NOT NULL,
	`development` integer NOT NULL,
	`document_sha256` text NOT NULL,
	`document_name` text NOT NULL,
	`p7s_sha256` text NOT NULL,
	`p7s_name` text NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `signatures_appeal_idx` ON `signatures` (`appeal_id`);--> statement-breakpoint
CREATE INDEX `signatures_document_idx` ON `signatures` (`document_id`);--> statement-breakpoint
CREATE TABLE `user_certificates` (
	`cert_sha256` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`subject` text NOT NULL,
	`bound_at` integer NOT NULL
);
