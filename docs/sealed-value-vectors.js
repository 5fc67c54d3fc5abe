// An implementation of sealed value format 1 of its own (Node.js crypto), which wrote
// sealed-value-vectors.txt: node docs/sealed-value-vectors.js
const crypto = require('crypto');
function u16(n) { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; }
function u64(n) { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; }
function seal(v) {
  const keyId = Buffer.from(v.keyId, 'utf8');
  const header = Buffer.concat([Buffer.from('DCS1', 'ascii'), Buffer.from([keyId.length]), keyId]);
  const table = Buffer.from(v.tableId, 'utf8'), key = Buffer.from(v.key, 'utf8');
  const aad = Buffer.concat([header, u16(table.length), table, u16(key.length), key, u64(v.version)]);
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(v.dataKey, 'hex'), Buffer.from(v.nonce, 'hex'));
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(Buffer.from(v.value, 'utf8')), c.final()]);
  return Buffer.concat([header, Buffer.from(v.nonce, 'hex'), ct, c.getAuthTag()]).toString('hex');
}
const vectors = [
  {name: 'a password', keyId: 'k1', dataKey: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
   tableId: '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162', key: 'db_pass', version: 1, nonce: '000000000000000000000001', value: 'my_password'},
  {name: 'an empty value', keyId: 'k1', dataKey: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
   tableId: '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162', key: 'api.token', version: 7, nonce: 'a1a2a3a4a5a6a7a8a9aaabac', value: ''},
  {name: 'text beyond ASCII, a second data key, a large version', keyId: 'k2', dataKey: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
   tableId: 'restored-table-identity', key: 'clé', version: '9007199254740993', nonce: '0102030405060708090a0b0c', value: 'pässwörd ✓ 🔑'},
];
for (const v of vectors) {
  console.log('name: ' + v.name);
  for (const f of ['keyId','dataKey','tableId','key','version','nonce','value']) console.log(f + ': ' + v[f]);
  console.log('sealed: ' + seal(v));
  console.log('');
}
