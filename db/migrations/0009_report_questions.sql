-- The reports' covering index of questions. (The two partial indexes of 0007 were missing from the 0008
-- snapshot after a merge; this snapshot has them again, so they are not created twice.)
CREATE INDEX `appeal_topics_report_idx` ON `appeal_topics` (`appeal_id`,`position`,`topic_code`,`result`,`executor_id`);
