// Regenerates schemas/mirror-connector.json from the property catalog: `npm run generate`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mirrorConnectorSchema } from '../server/src/core/mm2/catalog/connectorSchema';

const target = path.join(__dirname, '..', 'schemas', 'mirror-connector.json');
fs.writeFileSync(target, `${JSON.stringify(mirrorConnectorSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
