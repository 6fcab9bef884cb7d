#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `opd-desk` entry point (bundled into dist/opd-desk.js by scripts/bundle-cli.mjs).
 *
 * The young generation is sized for a day held in memory: a big day keeps hundreds of thousands
 * of tokens alive, and with the default 16 MB semi-space the garbage collector spends a fifth of
 * a large `apply` copying them (see README, Performance).
 */
import { endQuietlyWhenOutputCloses } from './closed-output.js';
import { main } from './program.js';

endQuietlyWhenOutputCloses();
await main(process.argv);
