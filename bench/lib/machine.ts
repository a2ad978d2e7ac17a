import os from 'node:os';
import Database from 'better-sqlite3';

/** Facts that make a figure comparable: compare runs of one machine, or ratios across machines. */
export function machineFacts() {
  const cpus = os.cpus();
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    sqlite,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
