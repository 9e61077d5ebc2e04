-- Two new inbox lines: a comment on a criterion (told to the dossier's ward and province, and the
-- Ministry when the dossier or the thread is theirs), and a return's own date coming due (told by
-- the notification sweep to the ward and province, once per date).
ALTER TYPE "NotificationKind" ADD VALUE 'COMMENTED';
ALTER TYPE "NotificationKind" ADD VALUE 'RETURN_DUE';
