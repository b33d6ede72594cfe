// Callback rules the local Mojaloop switch (the Testing Toolkit) adds to its defaults, loaded by ./mu1000 run and
// ./mu1000 test once the toolkit is up: `node rules.js http://127.0.0.1:5050`.
//
// The toolkit's own answers to bulk quotes and bulk transfers, and to a transfer's status, are random documents made
// from the API definition (results under ids nobody sent, a transfer state drawn by lot). These rules answer as a
// payee FSP would: each individual quote of a bulk quote gets its terms (or, for a payee number ending in 99, the
// payee FSP's refusal), each individual transfer of a bulk transfer is committed (or, for a payee number ending in
// 98, aborted with the payee FSP's error), and GET /transfers/{id} tells the state the toolkit gave the
// transfer, or error 3208 (not found) for one it never received. The scripts send their callbacks themselves to the
// toolkit's callback address (CALLBACK_ENDPOINT), with the FSPIOP headers.
'use strict'

const admin = process.argv[2] || 'http://127.0.0.1:5050'
const FSP = 'testingtoolkitdfsp'

// runs inside the toolkit's JavaScript sandbox: request, environment, axios, userConfig are the toolkit's
const PRELUDE = [
  "const body = request.body ? JSON.parse(request.body) : {}",
  "const source = request.headers['fspiop-source']",
  "const send = (path, resource, payload) => axios.put(userConfig.CALLBACK_ENDPOINT + path, payload, { headers: {",
  "  'Content-Type': 'application/vnd.interoperability.' + resource + '+json;version=1.1',",
  "  'Date': new Date().toUTCString(), 'FSPIOP-Source': '" + FSP + "', 'FSPIOP-Destination': source },",
  "  validateStatus: () => true })",
  "const later = new Date(Date.now() + 60 * 60 * 1000).toISOString()",
  "const condition = 'GRzLaTP7DJ9t4P-a_BA0WA9wzzlsugf00-Tn6kESAfM'",
  "const fulfilment = 'UNlJ98hZTY_dsw0cAqw4i_UN3v4utt7CZFB4yfLbVFA'"
]

const BULK_QUOTE = [
  "const results = body.individualQuotes.map(q => {",
  "  const number = q.payee.partyIdInfo.partyIdentifier",
  "  if (number.endsWith('99')) {",
  "    return { quoteId: q.quoteId, errorInformation: { errorCode: '5101', errorDescription: 'Payee rejected quotation request' } }",
  "  }",
  "  const ilpPacket = 'AYIC' + q.quoteId.replace(/-/g, '')",
  "  if (number.endsWith('98')) { environment['mu1000:abort:' + ilpPacket] = true }",
  "  return { quoteId: q.quoteId, transferAmount: q.amount, payeeReceiveAmount: q.amount, ilpPacket, condition }",
  "})",
  "await send('/bulkQuotes/' + body.bulkQuoteId, 'bulkQuotes', { individualQuoteResults: results, expiration: later })"
]

const BULK_TRANSFER = [
  "const results = body.individualTransfers.map(t => {",
  "  const ok = !environment['mu1000:abort:' + t.ilpPacket]",
  "  environment['mu1000:transfer:' + t.transferId] = ok ? 'COMMITTED' : 'ABORTED'",
  "  return ok ? { transferId: t.transferId, fulfilment }",
  "    : { transferId: t.transferId, errorInformation: { errorCode: '5105', errorDescription: 'Payee transaction limit reached' } }",
  "})",
  "await send('/bulkTransfers/' + body.bulkTransferId, 'bulkTransfers', { bulkTransferState: 'COMPLETED',",
  "  completedTimestamp: new Date().toISOString(), individualTransferResults: results })"
]

const TRANSFER = [
  "environment['mu1000:transfer:' + body.transferId] = 'COMMITTED'"
]

const TRANSFER_STATUS = [
  "const id = request.url.path.split('/').pop()",
  "const state = environment['mu1000:transfer:' + id]",
  "if (state) {",
  "  await send('/transfers/' + id, 'transfers', state === 'COMMITTED'",
  "    ? { transferState: 'COMMITTED', completedTimestamp: new Date().toISOString(), fulfilment }",
  "    : { transferState: 'ABORTED', completedTimestamp: new Date().toISOString() })",
  "} else {",
  "  await send('/transfers/' + id + '/error', 'transfers', { errorInformation: { errorCode: '3208', errorDescription: 'Transfer ID not found' } })",
  "}"
]

function rule (ruleId, description, path, method, type, exec) {
  return {
    ruleId,
    priority: 10,
    description,
    type: 'callback',
    version: 1,
    apiVersion: { minorVersion: 0, majorVersion: 1, type: 'fspiop', asynchronous: true },
    conditions: { all: [
      { fact: 'operationPath', operator: 'equal', value: path },
      { fact: 'method', operator: 'equal', value: method }
    ] },
    event: {
      method: type === 'NO_CALLBACK' ? null : 'put',
      path: type === 'NO_CALLBACK' ? null : path + '/{ID}',
      params: { scripts: { scriptingEngine: 'javascript', exec: PRELUDE.concat(exec) } },
      delay: 0,
      type
    }
  }
}

const OURS = [
  rule(90001, 'mu1000: post /bulkQuotes answered per individual quote', '/bulkQuotes', 'post', 'NO_CALLBACK',
    BULK_QUOTE),
  rule(90002, 'mu1000: post /bulkTransfers answered per individual transfer', '/bulkTransfers', 'post', 'NO_CALLBACK',
    BULK_TRANSFER),
  rule(90003, 'mu1000: post /transfers remembered for its status', '/transfers', 'post', 'MOCK_CALLBACK', TRANSFER),
  rule(90004, 'mu1000: get /transfers/{ID} tells the state given', '/transfers/{ID}', 'get', 'NO_CALLBACK',
    TRANSFER_STATUS)
]

async function call (method, path, body) {
  const res = await fetch(admin + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!res.ok) {
    throw new Error(method + ' ' + path + ': ' + res.status + ' ' + await res.text())
  }
  return res.json()
}

async function main () {
  const defaults = await call('GET', '/api/rules/files/callback/default.json')
  const ids = new Set(OURS.map(r => r.ruleId))
  const rules = OURS.concat(defaults.filter(r => !ids.has(r.ruleId)))
  await call('PUT', '/api/rules/files/callback/mu1000.json', rules)
  await call('PUT', '/api/rules/files/callback', { type: 'activeRulesFile', fileName: 'mu1000.json' })
}

main().catch(e => {
  console.error('the Mojaloop Testing Toolkit did not take the Mu1000 rules: ' + e.message)
  process.exit(1)
})
