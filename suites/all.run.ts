/// <reference types="vite/client" />
// The one file vitest runs: every check file, loaded into one module graph. vitest runs the tests of one file
// concurrently (sequence.concurrent, up to the profile's concurrency), so one worker keeps many checks in flight;
// each check has its own conversation, so they cannot disturb each other. Compiled, the checks end in .check.js.
import.meta.glob(['./**/*.check.ts', './**/*.check.js'], { eager: true })
