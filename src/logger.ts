import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger };

/** Creates the process logger: JSON lines, or pino-pretty's colours on a terminal (written synchronously). */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>, name = 'dstack-graph'): Logger {
  const options = { name, level: config.logLevel, base: { pid: process.pid } };
  if (config.logFormat === 'pretty') {
    return pino(options, pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,name' }));
  }
  return pino(options);
}
