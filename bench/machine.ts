import os from 'node:os';

/** The machine the figures were taken on. */
export interface MachineInfo {
  readonly cpus: number;
  readonly model: string;
  readonly ramGb: number;
  readonly node: string;
  readonly platform: string;
  readonly loadAverage: string;
}

/** Reads cores, CPU model, RAM, Node version and the load average now. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}
