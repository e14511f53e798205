#!/usr/bin/env node
// The `wenming` command. The server is TypeScript run through tsx's loader (see bench/ for its start-up cost).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
