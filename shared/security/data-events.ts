/** Security log events of the data folder's care (regulation 6.3): backups, restores, JSON imports. */
export const DATA_SECURITY_EVENT_TYPES = [
  'json-import',
  'backup-created',
  'backup-verified',
  'backup-restored',
  'backup-deleted',
] as const;
