// `require('twilio-conversations-message-conformance/vitest')`: the matchers are an ES module that registers itself
// with vitest (whose test files are ES modules too). The package's main entry can be required (Node 20.19+); this
// one cannot, so it says so in one line instead of Node's "not exported" or top-level-await errors.
throw new Error("twilio-conversations-message-conformance/vitest is an ES module: import it (import 'twilio-conversations-message-conformance/vitest') from a vitest test file or setupFiles")
