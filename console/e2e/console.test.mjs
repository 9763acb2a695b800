// The console in headless Chromium, as a user drives it: a wrong secret key shows the API's error
// with its requestId; signed in, a registry secret is created on the Secrets page; the create form
// shows the API's rule at the field it names, then makes a pod that reaches running; its log is
// followed; it is stopped and deleted. Every call the page makes is signed in the page (WebCrypto).
// Environment (console/e2e/run.sh): POD_ENDPOINT, POD_ACCESS_KEY, POD_SECRET_KEY, SUT_IMAGE,
// SUT_REGISTRY, SUT_REGISTRY_USER, SUT_REGISTRY_PASSWORD, CONSOLE_SCREENSHOTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const BASE = `http://${process.env.POD_ENDPOINT}/console/`;
const SHOTS = process.env.CONSOLE_SCREENSHOTS;
const RUNNING = 120_000;
let browser;
let page;

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('dialog', (dialog) => dialog.accept());
  page.on('pageerror', (error) => console.error('page error:', error));
});

after(async () => {
  await browser?.close();
});

async function shot(name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signIn(secretKey) {
  await page.goto(BASE);
  await page.getByLabel('Access key ID').fill(process.env.POD_ACCESS_KEY);
  await page.getByLabel('Secret access key').fill(secretKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a wrong secret key shows the API\'s error and its requestId', async () => {
  await signIn('not-the-secret');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /signature/i);
  assert.match(text, /requestId: [0-9a-f]+/);
  await shot('sign-in-refused');
});

test('signed in, a registry secret is created on the Secrets page', async () => {
  await signIn(process.env.POD_SECRET_KEY);
  await page.getByRole('table', { name: 'Pods' }).waitFor();
  await shot('pods-empty');
  await page.getByRole('link', { name: 'Secrets' }).click();
  await page.getByLabel('Name', { exact: true }).fill('console-registry');
  await page.getByLabel('Registry server', { exact: true }).fill(process.env.SUT_REGISTRY);
  await page.getByLabel('Username', { exact: true }).fill(process.env.SUT_REGISTRY_USER);
  await page.getByLabel('Password', { exact: true }).fill(process.env.SUT_REGISTRY_PASSWORD);
  await page.getByRole('button', { name: 'Create secret' }).click();
  await page.locator('tr[data-secret="console-registry"]').waitFor();
  await shot('secrets');
});

/** Creates one resource on the Networks page's current tab, named {@code name}; its id, from its row. */
async function createNetworkResource(fields, name) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const row = page.locator('tr[data-id]', { hasText: name });
  await row.or(page.getByRole('alert')).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0,
    (await page.getByRole('alert').allInnerTexts()).join(' | '));
  return row.getAttribute('data-id');
}

test('networks: VPCs and a subnet are created, one VPC deleted, an elastic IP created', async () => {
  const octet = process.env.CONSOLE_VPC_OCTET;
  await page.getByRole('link', { name: 'Networks' }).click();
  const vpcId = await createNetworkResource({ Name: 'console-vpc', 'Address prefix (CIDR)': `10.${octet}.0.0/16` },
    'console-vpc');
  const spare = await createNetworkResource({ Name: 'spare-vpc', 'Address prefix (CIDR)': '192.168.77.0/24' },
    'spare-vpc');
  await shot('networks');
  await page.getByRole('button', { name: `Delete ${spare}` }).click();
  await page.locator(`tr[data-id="${spare}"]`).waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: 'Subnets' }).click();
  await createNetworkResource({ 'VPC ID': vpcId, Name: 'console-subnet', 'Address prefix (CIDR)': `10.${octet}.1.0/24` },
    'console-subnet');
  await page.getByRole('tab', { name: 'Elastic IPs' }).click();
  await page.getByLabel('Bandwidth (Mbps)').fill('5');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByText(/^Created fip-/).waitFor();
});

test('the create form shows the API\'s rule at its field, then makes a pod that runs', async () => {
  await page.getByRole('link', { name: 'Create pod' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Not A Valid Name!');
  await page.getByLabel('Image', { exact: true }).fill(process.env.SUT_IMAGE);
  await page.getByLabel(/^Command/).fill('i=0; while true; do echo tick-$i; i=$((i+1)); sleep 1; done');
  await page.getByLabel('Registry secret').selectOption('console-registry');
  await page.waitForFunction(() => document.querySelectorAll('#subnet option').length > 1);
  await page.getByLabel(/^Subnet/).selectOption({ label: new RegExp('console-subnet') }).catch(async () =>
    page.getByLabel(/^Subnet/).selectOption({ index: 1 }));
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const nameError = page.locator('#name-error');
  await nameError.waitFor();
  assert.match(await nameError.innerText(), /podSpec\.name/);
  await shot('create-pod-field-error');

  await page.getByLabel('Name', { exact: true }).fill('console-pod');
  await page.getByLabel(/^Tags/).fill('team=console');
  await page.getByLabel(/^Environment/).fill('GREETING=hello from the form');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/#\/pods\/pod-/);
  await page.locator('h1 [data-phase]', { hasText: 'running' }).waitFor({ timeout: RUNNING });
  await shot('pod-detail');
});

test('the pod\'s log is followed', async () => {
  await page.getByLabel('Follow').check();
  await page.waitForFunction(() => /tick-\d+/.test(document.querySelector('[data-testid=logs]')?.textContent || ''));
  const first = await page.getByTestId('logs').innerText();
  // following: later lines arrive without asking again
  await page.waitForFunction((before) => {
    const now = document.querySelector('[data-testid=logs]')?.textContent || '';
    return now !== before && /tick-\d+/.test(now);
  }, first);
  await shot('pod-logs');
  await page.getByLabel('Follow').uncheck();
});

test('a terminal into the container runs echo hi and shows the exit code', async () => {
  await page.getByRole('button', { name: /Open a terminal/ }).click();
  await page.getByTestId('terminal-status').filter({ hasText: 'connected' }).waitFor();
  await page.getByRole('application', { name: /Terminal in/ }).click();
  await page.keyboard.type('echo $GREETING\n');
  await page.waitForFunction(() => [...document.querySelectorAll('.terminal-host .xterm-rows > div')]
    .some((row) => row.textContent.trim() === 'hello from the form'));
  await page.keyboard.type('echo hi\n');
  await page.waitForFunction(() => [...document.querySelectorAll('.terminal-host .xterm-rows > div')]
    .some((row) => row.textContent.trim() === 'hi'));
  await shot('pod-terminal');
  await page.keyboard.type('exit 3\n');
  await page.getByTestId('terminal-status').filter({ hasText: 'exit code 3' }).waitFor();
  await page.getByRole('button', { name: 'Close terminal' }).click();
});

test('an elastic IP is associated with the pod and disassociated; its events are listed', async () => {
  const choice = page.getByLabel('Elastic IP');
  await page.waitForFunction(() => document.querySelectorAll('#eip option').length > 1);
  await choice.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Associate' }).click();
  const disassociate = page.getByRole('button', { name: /^Disassociate / });
  await disassociate.or(page.getByRole('alert')).first().waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('alert').count(), 0, await page.getByRole('alert').allInnerTexts()
    .then((texts) => texts.join(' | ')));
  await page.getByRole('table', { name: 'Events of the pod' }).getByText('associateElasticIp').first()
    .waitFor({ timeout: 30_000 });
  await shot('pod-network-events');
  await disassociate.click();
  await page.getByRole('button', { name: 'Associate' }).waitFor({ timeout: 30_000 });
});

test('usage and the bill, and pods by phase over time, are drawn', async () => {
  await page.getByRole('link', { name: 'Usage and bill' }).click();
  await page.getByTestId('bill').waitFor();
  await page.getByRole('figure', { name: 'Running seconds per hour, by instance type' }).locator('canvas').waitFor();
  // the phase chart begins with the second sample, ten seconds after the first
  await page.getByRole('figure', { name: 'Pods by phase (sampled every 10 s)' }).locator('canvas')
    .waitFor({ timeout: 30_000 });
  await shot('usage');
  await page.goBack();
});

test('the pod is stopped and deleted from the list', async () => {
  const podId = page.url().split('#/pods/')[1];
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('h1 [data-phase]', { hasText: 'stopped' }).waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Pods', exact: true }).click();
  const row = page.locator(`tr[data-pod-id="${podId}"]`);
  await row.waitFor();
  // JD Cloud's filters: by tag, and by phase
  await page.getByText('More filters').click();
  await page.getByLabel('Tag key').fill('team');
  await page.getByLabel('Tag value').fill('someone-else');
  await page.getByLabel('Tag value').press('Enter');
  await row.waitFor({ state: 'detached' });
  await page.getByLabel('Tag value').fill('console');
  await page.getByLabel('Tag value').press('Enter');
  await row.waitFor();
  await page.getByLabel('Phase').selectOption('stopped');
  await row.waitFor();
  assert.match(await row.innerText(), /team=console/);
  await shot('pods');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached', timeout: 90_000 });
});

test('the pods page reads on a phone-sized screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('table', { name: 'Pods' }).waitFor();
  await shot('pods-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});
