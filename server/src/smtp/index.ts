// The SMTP test send, for the editor (through the lazily loaded dist/smtp.js) and the CLI.
export { smtpSettingsFrom, describeSettings, type SmtpSettings, type PasswordSource } from './settings';
export { sendTestMail, verifyConnection, type SessionOptions, type SendOptions } from './session';
export { explainFailure, type SmtpErrorLike, type ExplainContext } from './explain';
export { formatReport, notificationFor, STAGE_ORDER, type SmtpReport, type StageName, type StageResult, type TranscriptLine, type TlsDetails, type SmtpFailure } from './report';
export { buildTestMessage, type TestMessageOrigin } from './message';
export { planTransport, trustedFileFor, DEFAULT_TIMEOUT_SECONDS, type TransportOptions } from './transport';
export { makeRedactor } from './redact';
export { checkRecipient, type RecipientVerdict } from './recipient';
