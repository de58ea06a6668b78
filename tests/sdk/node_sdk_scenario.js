// A short scenario with Alibaba Cloud's FnF Node.js SDK against `fnf serve`:
// the SDK is used exactly as against the cloud, with only its endpoint changed.
//   node node_sdk_scenario.js FNF_BINARY
'use strict';

const assert = require('assert');
const { spawn } = require('child_process');
const readline = require('readline');
const Client = require('@alicloud/fnf-2019-03-15');

const fnf = process.argv[2];
const server = spawn(fnf, ['serve', '--listen', '127.0.0.1:0',
  '--access-key-id', 'testAK', '--access-key-secret', 'testSecret'],
{ stdio: ['ignore', 'pipe', 'pipe'] });

// Lines of the server's stderr: the access log and the tokens of callback tasks.
const tokenWaiters = [];
const tokens = [];
let stderrText = '';
readline.createInterface({ input: server.stderr }).on('line', (line) => {
  stderrText += line + '\n';
  const m = /TaskToken=(\S+)/.exec(line);
  if (m) {
    tokens.push(m[1]);
    while (tokenWaiters.length > 0 && tokens.length > 0) tokenWaiters.shift()(tokens.shift());
  }
});
function nextToken() {
  if (tokens.length > 0) return Promise.resolve(tokens.shift());
  return new Promise((resolve) => tokenWaiters.push(resolve));
}

function firstLine() {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: server.stdout });
    lines.once('line', resolve);
    server.once('exit', (code) => reject(new Error(`fnf serve exited with ${code}:\n${stderrText}`)));
  });
}

const definition = (name, states) =>
  `Type: StateMachine\nSpecVersion: v1\nName: ${name}\nStartAt: A\nStates:\n${states}`;
const pass = '  - Type: Pass\n    Name: A\n    End: true\n';
const callback = '  - Type: Task\n    Name: A\n    Action: MNS:SendMessage\n' +
  '    TaskMode: WaitForCustomCallback\n    End: true\n';

async function expectError(promise, code, message) {
  try {
    await promise;
  } catch (err) {
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.data.Message, message);
    return;
  }
  assert.fail(`expected ${code}`);
}

async function main() {
  const line = await firstLine();
  const m = /^fnf serve: listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
  assert.ok(m, `first line: ${line}`);
  const client = new Client({
    accessKeyId: 'testAK', accessKeySecret: 'testSecret', endpoint: m[1],
  });
  // pop-core reads for 3 s by default; a long poll needs more.
  const longPoll = { timeout: 70000 };

  const input = JSON.stringify({ s: "a b+c*d~e!'()&=%2F/?#中文é" });
  const flow = await client.createFlow({
    Name: 'sdk_pass', Definition: definition('sdk_pass', pass), Description: 'from the SDK', Type: 'FDL',
  });
  assert.strictEqual(flow.Name, 'sdk_pass');
  assert.strictEqual(flow.Description, 'from the SDK');
  assert.strictEqual((await client.describeFlow({ Name: 'sdk_pass' })).Id, flow.Id);

  const started = await client.startExecution({ FlowName: 'sdk_pass', ExecutionName: 'e1', Input: input });
  assert.strictEqual(started.Name, 'e1');
  const done = await client.describeExecution(
    { FlowName: 'sdk_pass', ExecutionName: 'e1', WaitTimeSeconds: 30 }, longPoll);
  assert.strictEqual(done.Status, 'Succeeded');
  assert.strictEqual(done.Output, input);
  const history = await client.getExecutionHistory({ FlowName: 'sdk_pass', ExecutionName: 'e1' });
  assert.strictEqual(history.Events[0].Type, 'ExecutionStarted');
  assert.strictEqual(history.Events[history.Events.length - 1].Type, 'ExecutionSucceeded');
  const listed = await client.listExecutions({ FlowName: 'sdk_pass' });
  assert.deepStrictEqual(listed.Executions.map((e) => e.Name), ['e1']);
  await expectError(client.startExecution({ FlowName: 'sdk_pass', ExecutionName: 'e1' }),
    'ExecutionAlreadyExists', 'Execution e1 for flow sdk_pass already exists.');

  // A callback task: its token is on the server's stderr; the SDK completes it.
  await client.createFlow({
    Name: 'sdk_cb', Definition: definition('sdk_cb', callback), Description: '', Type: 'FDL',
  });
  await client.startExecution({ FlowName: 'sdk_cb', ExecutionName: 'c1', Input: '{}' });
  const token = await nextToken();
  const polled = client.describeExecution(
    { FlowName: 'sdk_cb', ExecutionName: 'c1', WaitTimeSeconds: 60 }, longPoll);
  await client.reportTaskSucceeded({ TaskToken: token, Output: '{"approved":true}' });
  const approved = await polled;
  assert.strictEqual(approved.Status, 'Succeeded');
  assert.strictEqual(approved.Output, '{"approved":true}');

  const flows = await client.listFlows({ Limit: 1 });
  assert.deepStrictEqual(flows.Flows.map((f) => f.Name), ['sdk_cb']);
  assert.strictEqual(flows.NextToken, 'sdk_pass');
  await client.deleteFlow({ Name: 'sdk_cb' });
  await expectError(client.describeFlow({ Name: 'sdk_cb' }), 'FlowNotExists', 'Flow sdk_cb does not exist.');

  // A wrong secret is refused and starts nothing.
  const forger = new Client({ accessKeyId: 'testAK', accessKeySecret: 'wrong', endpoint: m[1] });
  await expectError(forger.startExecution({ FlowName: 'sdk_pass', ExecutionName: 'forged' }),
    'SignatureNotMatch',
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your access key and signing method.');
  await expectError(client.describeExecution({ FlowName: 'sdk_pass', ExecutionName: 'forged' }),
    'ExecutionNotExists', 'Execution forged for flow sdk_pass does not exist.');

  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGTERM');
  const { code } = await exited;
  assert.strictEqual(code, 0, `fnf serve exit status after SIGTERM\n${stderrText}`);
  assert.match(stderrText, / POST StartExecution 200 - /);
  assert.match(stderrText, / POST StartExecution 403 SignatureNotMatch /);
  console.log('node SDK scenario: ok (@alicloud/fnf-2019-03-15 against fnf serve)');
}

main().catch((err) => {
  console.error(err);
  console.error(stderrText);
  server.kill('SIGKILL');
  process.exit(1);
});
