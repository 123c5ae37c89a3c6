// Renders every processes/*.bpmn to docs/processes/<name>.svg with bpmn-js in headless Chromium.
// Run through render-diagrams.sh, which installs the two npm packages it needs into a temporary folder.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(process.argv[2] || __dirname, '..', '..');
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js', { paths: [path.join(__dirname, 'node_modules')] });

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:900px"></div>');
  await page.addScriptTag({ path: viewer });
  for (const file of fs.readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn'))) {
    const xml = fs.readFileSync(path.join(root, 'processes', file), 'utf8');
    const svg = await page.evaluate(async (bpmn) => {
      document.getElementById('canvas').innerHTML = '';
      const modeler = new BpmnJS({ container: '#canvas' });
      const { warnings } = await modeler.importXML(bpmn);
      if (warnings.length) throw new Error(warnings.map((w) => w.message).join('\n'));
      return (await modeler.saveSVG()).svg;
    }, xml);
    const out = path.join(root, 'docs', 'processes', file.replace(/\.bpmn$/, '.svg'));
    fs.writeFileSync(out, svg + '\n');
    console.log('wrote', path.relative(root, out));
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
