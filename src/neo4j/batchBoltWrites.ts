import type { Socket } from 'node:net';

/** The driver's socket channel as far as this file uses it (neo4j-driver-bolt-connection 6). */
interface ChannelPrototype {
  write(this: { _conn?: unknown; _pending?: unknown }, buffer: unknown): void;
  __dstackBatched?: boolean;
}

/** What batchBoltWrites did: installed, already installed, or why not. */
export type BatchOutcome = 'installed' | 'already' | `not installed: ${string}`;

/**
 * Makes the Neo4j driver send each batch of Bolt messages in one socket write.
 *
 * The driver packs a message into 1,400-byte chunks and writes each full chunk to the socket at once:
 * a compiled statement of 8 KB with its parameters became six or more `write` system calls, and on
 * the benchmark machine each cost about half a millisecond (the profile of an impact request showed
 * a fifth of its time in `writeBuffer`). Here the socket is corked at a channel's first write of a
 * tick and uncorked on the next tick, so Node hands everything written in between to the kernel in
 * one `writev`. Nothing waits longer: the driver never awaits inside a batch of messages.
 *
 * It patches the driver's internal channel class, so it checks what it patches: when the module or
 * its `write` is not there (another driver version), nothing changes and the reason is returned.
 */
export function batchBoltWrites(): BatchOutcome {
  let proto: ChannelPrototype | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('neo4j-driver-bolt-connection/lib/channel/node/node-channel.js') as { default?: { prototype?: ChannelPrototype } };
    proto = mod.default?.prototype;
  } catch (e) {
    return `not installed: ${(e as Error).message}`;
  }
  if (!proto || typeof proto.write !== 'function') return 'not installed: the driver has no NodeChannel.write';
  if (proto.__dstackBatched) return 'already';
  const write = proto.write;
  proto.write = function batchedWrite(buffer) {
    const conn = this._conn as Partial<Socket> | undefined;
    if (this._pending === null && conn && typeof conn.cork === 'function' && typeof conn.uncork === 'function' && !conn.writableCorked) {
      conn.cork();
      process.nextTick(() => conn.uncork?.());
    }
    write.call(this, buffer);
  };
  proto.__dstackBatched = true;
  return 'installed';
}
