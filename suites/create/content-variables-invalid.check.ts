import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectRejected } from '../../src/harness/verify.ts'

// ContentVariables "a structurally valid JSON string". The near miss is what Python's str() of a dict gives (single
// quotes), with a well-formed ContentSid that names no template. A real account may refuse that ContentSid anyway (the
// template does not exist): so the same create with valid ContentVariables follows. If that one is accepted, the
// server does not check templates, and the first refusal was for the ContentVariables, as it must be; if it is
// refused too, both refusals may be for the template, which is allowed (observed).
check('msg.create.content-variables-invalid', async ({ messages, config, randomHex, observe }) => {
  const contentSid = fc.sample(sid('HX'), { seed: config.seed, numRuns: 1 })[0]!
  const value = `conformance ${randomHex(4)}`
  const invalid = `{'1': '${value}'}`
  const refused = await messages.create({ ContentSid: contentSid, ContentVariables: invalid })
  expectRejected(refused, `ContentVariables ${JSON.stringify(invalid)} (not JSON)`)
  const valid = await messages.create({ ContentSid: contentSid, ContentVariables: JSON.stringify({ 1: value }) })
  if (valid.response.status >= 400 && valid.response.status < 500) {
    expectRejected(valid, `ContentSid ${contentSid}`)
    observe(`ContentSid of a template that does not exist: refused with ${valid.response.status} even with valid ContentVariables, so the refusal of invalid ones may be for the template`)
    return
  }
  expectAccepted(valid, 'the same create with valid ContentVariables')
  observe(`ContentVariables that are not JSON refused with ${refused.response.status}; the same create with valid ones accepted (template existence not checked)`)
})
