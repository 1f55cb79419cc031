export type {
  EnvironmentConfig,
  MigrationsConfig,
  HealthVocabulary,
  HeartbeatProbeSpec,
  HttpProbeSpec,
  JsonPathCondition,
  JsonPathOp,
  ListenAddress,
  ProbeCommon,
  ProbeConfig,
  ProbeKind,
  ResolvedConfig,
  StatusPageConfig,
  StatusRange,
  TcpProbeSpec,
} from './resolved-config.js';
export type { AlertingConfig, AlertRuleConfig } from './resolved-config.js';
export type { HeartbeatPingConfig } from './resolved-config.js';
export type { IncidentPolicyConfig, IncidentsConfig, IncidentSeverity } from './resolved-config.js';
export type { AlertSeverity, InhibitRuleConfig, MaintenanceWindowConfig, RouteConfig, RoutingConfig } from './resolved-config.js';
export { loadConfig } from './load-config.js';
export { MIGRATIONS_DEFAULTS } from './resolve/resolve-migrations.js';
export type { LoadConfigOptions } from './load-config.js';
export { configJsonSchema } from './config-json-schema.js';
export { createRedactor } from './secret-redactor.js';
export { InvalidValueError } from './values/invalid-value-error.js';
export { formatDuration, parseDuration } from './values/duration-parser.js';
export { parseSize } from './values/size-parser.js';
export { parsePercent } from './values/percent-parser.js';
export { parseCron, parseTimezone } from './values/cron-parser.js';
export type { CronSchedule } from './values/cron-parser.js';
export { parseHostPort } from './values/host-port-parser.js';
export type { HostPort } from './values/host-port-parser.js';
export { DEFAULT_HEALTH_VOCABULARY } from './schema/probes/http/health-vocabulary.js';
export { DEFAULT_HEARTBEAT_GRACE_MS } from './schema/probes/heartbeat/heartbeat-probe-kind.js';
export type {
  ChannelConfig,
  ChannelKind,
  DiscordChannelSpec,
  EmailChannelSpec,
  NtfyChannelSpec,
  PagerdutyChannelSpec,
  SlackChannelSpec,
  TeamsChannelSpec,
  TelegramChannelSpec,
  WebhookChannelSpec,
} from './resolved-channel-config.js';
export type {
  BackupDatabaseConfig, BackupsConfig, DrillConfig, FileRepositoryConfig, RepositoryConfig, RetentionPolicy, S3RepositoryConfig, VerifyConfig,
} from './resolved-backup-config.js';
export { backupWarnings } from './resolve/resolve-backups.js';
