/**
 * `npm run portal -- --port 4300 --app-url http://127.0.0.1:5173/` — starts the portal emulator
 * and prints where everything is. Stops cleanly on SIGINT/SIGTERM (state file flushed).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PortalConfig } from './config';
import { defaultPortalConfig } from './config';
import { FaultSettingsError, parseDropFlag, parseFailFlag, parseSlowFlag } from './rest/faults';
import type { FaultSettings } from './rest/faults';
import { startPortal } from './server';
import { StateFileError } from './state/persistence';
import { isValidTimeZone } from './portal-time';
import { CostProfileError } from './rest/cost-model';
import { StaticAppArchiveError } from './host/static-app';
import { isLanguage, LANGUAGES } from '../placements/languages';

const HELP = `Bitrix24 portal emulator for Smart Tasks

Usage: npm run portal -- [options]

  --port N                 Port to listen on (default ${defaultPortalConfig.port}; 0 = any free port)
  --host ADDRESS           Interface to bind (default ${defaultPortalConfig.hostname})
  --app-url URL            Base URL of the app's dev or preview server (default ${defaultPortalConfig.appUrl})
  --app-archive FILE       Install the app from its static-app archive (npm run package) and host it on the portal
  --https                  Serve HTTPS with a self-signed certificate made at start
  --webhook-secret S       Secret of the inbound webhook /rest/1/S/ (default: random, printed)
  --latency MS             Added latency for every REST request
  --fresh                  Start with the app not installed and no placements bound
  --data FILE              Keep state in FILE across restarts (written atomically)
  --token-ttl SECONDS      Lifetime of access tokens (default ${defaultPortalConfig.tokenTtlSeconds})
  --rate-limit DRAIN/BURST Leaky bucket, requests drained per second / burst (default 2/50)
  --no-rate-limit          No rate limit
  --lang ${LANGUAGES.join('|')}          Portal language (default ${defaultPortalConfig.language})
  --cost cloud|instant|FILE  What methods cost: cloud (default; a cloud portal's documented costs),
                           instant (none, for fast tests) or a JSON cost profile file
  --time-scale K           Portal work runs K times faster: costs, operating baskets and resets, the
                           request time limit, token lifetimes, the leaky bucket (default 1)
  --clock-offset SECONDS   The portal's clock is SECONDS ahead of this machine's (negative: behind)
  --time-zone ZONE         The portal server's IANA time zone (default ${defaultPortalConfig.timeZone})
  --operating-limit SECONDS|off  Operating time per method per app/webhook in 10 minutes
                           (default ${defaultPortalConfig.operatingLimitSeconds}); off = no limiter
  --request-time-limit SECONDS   Cut off a request whose processing passes this (default ${defaultPortalConfig.requestTimeLimitSeconds})
  --fail METHOD:COUNT:CODE[:STATUS][:before|after]  Fail the next COUNT calls of METHOD with error CODE, or
                           proxy-html / proxy-text (a proxy's non-Bitrix answer); after = once the write happened (repeatable)
  --drop METHOD:COUNT[:before|after]  Drop the connection of the next COUNT requests with METHOD (repeatable)
  --slow METHOD:MS         Slow METHOD down by MS milliseconds (repeatable)
  --help                   Show this help

Control API: <portal>/_emulator/ (health, reset, faults, config, expire-tokens, tokens, requests); see portal/README.md.
`;

class UsageError extends Error {}

function positiveNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} expects a positive number, got "${text}"`);
  return value;
}

function wholeNumber(text: string, flag: string, min = 0): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`${flag} expects a whole number of ${min} or more, got "${text}"`);
  return value;
}

function parseCommandLine(argv: string[]): { config: Partial<PortalConfig>; faults: FaultSettings; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-url': { type: 'string' },
      'app-archive': { type: 'string' },
      https: { type: 'boolean' },
      'webhook-secret': { type: 'string' },
      latency: { type: 'string' },
      fresh: { type: 'boolean' },
      data: { type: 'string' },
      'token-ttl': { type: 'string' },
      'rate-limit': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      lang: { type: 'string' },
      cost: { type: 'string' },
      'time-scale': { type: 'string' },
      'clock-offset': { type: 'string' },
      'time-zone': { type: 'string' },
      'operating-limit': { type: 'string' },
      'request-time-limit': { type: 'string' },
      fail: { type: 'string', multiple: true },
      drop: { type: 'string', multiple: true },
      slow: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const config: Partial<PortalConfig> = {};
  if (values.port !== undefined) config.port = wholeNumber(values.port, '--port');
  if (values.host !== undefined) config.hostname = values.host;
  if (values['app-archive'] !== undefined) {
    if (values['app-url'] !== undefined)
      throw new UsageError('--app-archive and --app-url name two different apps; give one of them');
    config.appArchive = resolve(values['app-archive']);
  }
  if (values['app-url'] !== undefined) {
    try {
      const url = new URL(values['app-url']);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new UsageError(
        `--app-url expects an http(s) URL such as http://127.0.0.1:5173/, got "${values['app-url']}"`,
      );
    }
    config.appUrl = values['app-url'];
  }
  if (values.https) config.https = true;
  if (values['webhook-secret'] !== undefined) {
    if (!/^[A-Za-z0-9_-]+$/.test(values['webhook-secret']))
      throw new UsageError('--webhook-secret may contain only letters, digits, "_" and "-"');
    config.webhookSecret = values['webhook-secret'];
  } else {
    config.webhookSecret = randomBytes(8).toString('hex');
  }
  if (values.latency !== undefined) config.latencyMs = wholeNumber(values.latency, '--latency');
  if (values.fresh) config.fresh = true;
  if (values.data !== undefined) config.dataFile = resolve(values.data);
  if (values['token-ttl'] !== undefined) config.tokenTtlSeconds = wholeNumber(values['token-ttl'], '--token-ttl', 1);
  if (values['no-rate-limit']) config.rateLimit = null;
  else if (values['rate-limit'] !== undefined) {
    const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(values['rate-limit']);
    if (!match || Number(match[1]) <= 0 || Number(match[2]) <= 0)
      throw new UsageError(`--rate-limit expects DRAIN/BURST such as 2/50, got "${values['rate-limit']}"`);
    config.rateLimit = { drainPerSecond: Number(match[1]), burst: Number(match[2]) };
  }
  if (values.lang !== undefined) {
    if (!isLanguage(values.lang))
      throw new UsageError(`--lang expects one of ${LANGUAGES.join(', ')}, got "${values.lang}"`);
    config.language = values.lang;
  }
  if (values.cost !== undefined)
    config.cost = values.cost === 'cloud' || values.cost === 'instant' ? values.cost : resolve(values.cost);
  if (values['time-scale'] !== undefined) config.timeScale = positiveNumber(values['time-scale'], '--time-scale');
  if (values['clock-offset'] !== undefined) {
    const offset = Number(values['clock-offset']);
    if (values['clock-offset'].trim() === '' || !Number.isFinite(offset))
      throw new UsageError(`--clock-offset expects seconds such as 3600 or -5400, got "${values['clock-offset']}"`);
    config.clockOffsetSeconds = offset;
  }
  if (values['time-zone'] !== undefined) {
    if (!isValidTimeZone(values['time-zone']))
      throw new UsageError(
        `--time-zone expects an IANA zone such as Europe/Berlin or Asia/Vladivostok, got "${values['time-zone']}"`,
      );
    config.timeZone = values['time-zone'];
  }
  if (values['operating-limit'] !== undefined) {
    config.operatingLimitSeconds =
      values['operating-limit'] === 'off' ? null : positiveNumber(values['operating-limit'], '--operating-limit');
  }
  if (values['request-time-limit'] !== undefined)
    config.requestTimeLimitSeconds = positiveNumber(values['request-time-limit'], '--request-time-limit');
  const faults: FaultSettings = {};
  if (values.fail) faults.fail = values.fail.map(parseFailFlag);
  if (values.drop) faults.drop = values.drop.map(parseDropFlag);
  if (values.slow) faults.slow = values.slow.map(parseSlowFlag);
  return { config, faults, help: values.help === true };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    const message =
      error instanceof UsageError || error instanceof FaultSettingsError || error instanceof TypeError
        ? error.message
        : String(error);
    console.error(`portal: ${message}\nRun with --help for the options.`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return;
  }
  let portal: Awaited<ReturnType<typeof startPortal>>;
  try {
    portal = await startPortal(parsed.config, { faults: parsed.faults });
  } catch (error) {
    if (error instanceof StateFileError || error instanceof StaticAppArchiveError || error instanceof CostProfileError)
      console.error(`portal: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      console.error(
        `portal: port ${parsed.config.port ?? defaultPortalConfig.port} is already in use; choose another with --port`,
      );
    else console.error('portal: could not start:', error);
    process.exit(1);
  }
  const config = portal.config;
  const lines = [
    'Bitrix24 portal emulator is running',
    `  Portal:       ${portal.origin}/`,
    `  App page:     ${portal.urls.appPage}`,
    `  Detail tab:   ${portal.urls.detailTab}`,
    `  Item list:    ${portal.urls.itemList}`,
    `  Automation:   ${portal.urls.automation}`,
    `  Webhook:      ${portal.webhookUrl}`,
    `  Control API:  ${portal.origin}/_emulator/`,
    `  App URL:      ${config.appUrl}${config.appArchive ? ` (installed from ${config.appArchive})` : ''}`,
    `  State:        ${config.dataFile ? config.dataFile : 'in memory'}${config.fresh ? (portal.appInstalled() ? ' (fresh: app installed at once, its archive has no install.html)' : ' (fresh: app not installed)') : ''}`,
    `  Rate limit:   ${config.rateLimit ? `${config.rateLimit.drainPerSecond}/s, burst ${config.rateLimit.burst}` : 'off'}; tokens live ${config.tokenTtlSeconds} s; language ${config.language}`,
    `  Costs:        ${config.cost}${config.timeScale !== 1 ? `, time scale ${config.timeScale}× (amounts in portal seconds)` : ''}; operating limit ${config.operatingLimitSeconds === null ? 'off' : `${config.operatingLimitSeconds} s / 10 min`}; request limit ${config.requestTimeLimitSeconds} s`,
    `  Clock:        ${config.timeZone}${config.clockOffsetSeconds !== 0 ? `, ${config.clockOffsetSeconds > 0 ? '+' : ''}${config.clockOffsetSeconds} s from this machine` : ''}`,
  ];
  if (config.https)
    lines.push('  HTTPS:        self-signed certificate for 127.0.0.1 and localhost (accept it in the browser once)');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\nportal: ${signal}, stopping`);
    portal
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('portal: error while stopping:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
