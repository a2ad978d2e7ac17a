-- Full-text index over the registration number, applicant, summary and content (design.md, "Data and sync").
-- Contentless (the text is not stored twice) with contentless_delete so rows can be removed by rowid;
-- rowid = appeals.local_id, which VACUUM never renumbers. unicode61 folds case; ё is folded to е here
-- (unicode61 folds only Latin diacritics) and in the query, so «Алёна» is found as «Алена».
-- Prefix indexes make "жил*" as fast as a whole-word query.
CREATE VIRTUAL TABLE `appeals_fts` USING fts5(
  reg_number, applicant_display, summary, content,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `appeals_fts_ai` AFTER INSERT ON `appeals` BEGIN
  INSERT INTO appeals_fts(rowid, reg_number, applicant_display, summary, content)
  VALUES (new.local_id, coalesce(new.reg_number, ''),
    replace(replace(new.applicant_display, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.content, 'ё', 'е'), 'Ё', 'Е'));
END;
--> statement-breakpoint
CREATE TRIGGER `appeals_fts_ad` AFTER DELETE ON `appeals` BEGIN
  DELETE FROM appeals_fts WHERE rowid = old.local_id;
END;
--> statement-breakpoint
CREATE TRIGGER `appeals_fts_au` AFTER UPDATE OF reg_number, applicant_display, summary, content ON `appeals` BEGIN
  DELETE FROM appeals_fts WHERE rowid = old.local_id;
  INSERT INTO appeals_fts(rowid, reg_number, applicant_display, summary, content)
  VALUES (new.local_id, coalesce(new.reg_number, ''),
    replace(replace(new.applicant_display, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.content, 'ё', 'е'), 'Ё', 'Е'));
END;
