/*
 * Copyright 2026 The DynamoDB Config Source Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Starts dynalite in memory on 127.0.0.1, on the port given as the first argument (0: a free one),
// prints "LISTENING <port>" once it listens, and exits when its standard input ends: when the JVM
// that started it closes the pipe or dies, however it dies, the engine goes with it.
// Tables are ACTIVE at once, as with DynamoDB itself from a client's point of view after its wait.
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('LISTENING ' + server.address().port);
});
// dynalite throws from a request's 'error' event when a client drops a connection in the middle of
// a request (as the tests' timeouts and fault proxy do); DynamoDB serves on. Such an error is
// logged and the engine goes on; any other uncaught error ends it, as before.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    console.error('a client dropped a request: ' + err.message);
    return;
  }
  console.error((err && err.stack) || err);
  process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
