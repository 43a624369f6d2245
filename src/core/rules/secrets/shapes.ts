/**
 * What credentials look like, as data: token formats with a public prefix, names that hold secrets, and
 * the words people write instead of a real value. detect.ts applies them; text/preview.ts uses the same
 * knowledge so no message ever shows a credential.
 */

export interface TokenShape {
  /** What the token is, for messages ("an OpenRouter API key"). */
  label: string;
  /** The whole token; a leading look-behind keeps it from starting inside a word (`task-…` is not `sk-…`). */
  pattern: RegExp;
  /** The part that is the same in every such token and may be shown ("sk-or-v1-"). */
  prefix: RegExp;
  /** The body must hold a digit or a capital: `sk-some-long-kebab-name` is a word, not a key. */
  mixedBody?: boolean;
}

const START = String.raw`(?<![A-Za-z0-9])`;
const shape = (label: string, body: string, prefix: string, mixedBody = true): TokenShape => ({
  label,
  pattern: new RegExp(START + body, 'g'),
  prefix: new RegExp('^' + prefix),
  mixedBody,
});

/** Most specific first: the first shape that matches at a position names the token. */
export const TOKEN_SHAPES: readonly TokenShape[] = [
  // Anthropic: sk-ant- + three lower-case letters + two digits + "-" (api03, admin01, oat01, ...).
  shape('an Anthropic API key', String.raw`sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]{20,}`, String.raw`sk-ant-[a-z]{3}\d{2}-`),
  shape('an OpenRouter API key', String.raw`sk-or-(?:v\d+-)?[A-Za-z0-9_-]{20,}`, String.raw`sk-or-(?:v\d+-)?`),
  shape('a Stripe secret key', String.raw`[sr]k_(?:live|test)_[A-Za-z0-9]{16,}`, String.raw`[sr]k_(?:live|test)_`),
  // OpenAI and the many gateways that copied its format (DeepSeek, MiniMax, Moonshot, LiteLLM, ...).
  shape('an sk- API key', String.raw`sk-[A-Za-z0-9_-]{20,}`, String.raw`sk-(?:proj-|svcacct-|admin-)?`),
  shape('a GitHub token', String.raw`gh[pousr]_[A-Za-z0-9]{30,}`, 'gh[pousr]_'),
  shape('a GitHub token', String.raw`github_pat_[A-Za-z0-9_]{30,}`, 'github_pat_'),
  shape('a GitLab token', String.raw`glpat-[A-Za-z0-9_-]{20,}`, 'glpat-'),
  shape('an AWS access key', String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])`, '(?:AKIA|ASIA)', false),
  shape('a Slack token', String.raw`xox[abprs]-[A-Za-z0-9-]{10,}`, 'xox[abprs]-'),
  shape('a Google API key', String.raw`AIza[A-Za-z0-9_-]{35}`, 'AIza'),
  shape('a JSON Web Token', String.raw`eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`, 'eyJ'),
  shape('a Hugging Face token', String.raw`hf_[A-Za-z0-9]{30,}`, 'hf_'),
  shape('an npm token', String.raw`npm_[A-Za-z0-9]{36}`, 'npm_'),
  shape('a private key', String.raw`-----BEGIN [A-Z ]*PRIVATE KEY-----`, '-----BEGIN', false),
];

/** A cheap test that any shape could match, so most strings skip the loop above. */
export const TOKEN_HINT = /sk-|[sr]k_|gh[pousr]_|github_pat_|glpat-|AKIA|ASIA|xox[abprs]-|AIza|eyJ|hf_|npm_|PRIVATE KEY/;

/**
 * Variable, header and option names whose value is a secret, tested on the name in upper snake case
 * (`x-api-key` -> X_API_KEY, `clientSecret` -> CLIENT_SECRET).
 */
export const SECRET_NAME = /(?:^|_)(?:TOKEN|KEY|APIKEY|AUTH|PWD|PAT)$|SECRET|PASSWORD|PASSWD|PASSPHRASE|^AUTHORIZATION$|^PROXY_AUTHORIZATION$|^COOKIE$/;

/** Names that match SECRET_NAME but hold no secret: where a secret lives, or what kind of key it is. */
export const NOT_SECRET_NAME =
  /_(?:FILE|PATH|DIR|URL|URI|ARN|NAME|ID|HELPER|COMMAND|CMD|ENABLED|MS|TTL|LENGTH|TYPE|MODE|PROVIDER|SOURCE|LOCATION|REF|HEADER_NAME)$|(?:^|_)(?:PUBLIC|PUBLISHABLE|CACHE|SORT|PARTITION|PRIMARY|FOREIGN|HOST|MAX|MIN)_(?:KEY|TOKEN)$/;

/** Names Claude Code documents as credentials that the patterns above would miss. */
export const SECRET_NAMES: ReadonlySet<string> = new Set(['AWS_BEARER_TOKEN_BEDROCK']);

/** env variables whose value is a list of HTTP headers (`Name=value,Name=value` or `Name: value` lines). */
export const HEADER_LIST_NAMES: ReadonlySet<string> = new Set([
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_METRICS_HEADERS',
  'OTEL_EXPORTER_OTLP_LOGS_HEADERS',
  'ANTHROPIC_CUSTOM_HEADERS',
]);

/** Words (between separators) that mark a value as a placeholder: `sk-ant-replace-me`, `<insert token here>`. */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'here', 'replace', 'insert', 'dummy', 'fake', 'sample', 'example', 'todo', 'tbd', 'redacted', 'notneeded', 'unused',
]);

/** Text anywhere in a value (lower case) that marks it as a placeholder, even without separators. */
export const PLACEHOLDER_MARKS: readonly string[] = ['your', 'placeholder', 'changeme', 'replaceme', 'xxxx'];

/** Whole values (lower case, letters and digits only) that are placeholders rather than credentials. */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'none', 'null', 'nil', 'undefined', 'empty', 'test', 'testing', 'secret', 'password', 'passwd', 'token',
  'apikey', 'key', 'authtoken', 'accesstoken', 'mytoken', 'mykey', 'mysecret', 'mypassword', 'notneeded',
  'notrequired', 'unused', 'any', 'anything', 'ollama', 'lmstudio', 'na', 'sk', 'skant', 'bearer', 'changeme',
  'example', 'sample', 'foo', 'bar', 'foobar', 'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled',
]);

/** Words that alone say nothing: a value made only of them (`my-secret-api-key`) is a label, not a secret. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'my', 'the', 'a', 'api', 'key', 'keys', 'token', 'secret', 'password', 'auth', 'access', 'sk', 'ant', 'or',
  'bearer', 'basic', 'value', 'string', 'goes', 'put', 'set', 'with', 'new', 'real', 'actual', 'valid', 'dev',
  'local', 'default', 'anthropic', 'openai', 'openrouter', 'github', 'personal', 'client', 'id',
]);

/** The key pair AWS prints in its own documentation. */
export const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
