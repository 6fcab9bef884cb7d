#!/usr/bin/env node
/** The `opd-desk` entry point (bundled into dist/opd-desk.js by scripts/bundle-cli.mjs). */
import { main } from './program.js';

await main(process.argv);
