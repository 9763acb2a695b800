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

test('the create form shows the API\'s rule at its field, then makes a pod that runs', async () => {
  await page.getByRole('link', { name: 'Create pod' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Not A Valid Name!');
  await page.getByLabel('Image', { exact: true }).fill(process.env.SUT_IMAGE);
  await page.getByLabel(/^Command/).fill('i=0; while true; do echo tick-$i; i=$((i+1)); sleep 1; done');
  await page.getByLabel('Registry secret').selectOption('console-registry');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const nameError = page.locator('#name-error');
  await nameError.waitFor();
  assert.match(await nameError.innerText(), /podSpec\.name/);
  await shot('create-pod-field-error');

  await page.getByLabel('Name', { exact: true }).fill('console-pod');
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
  await page.keyboard.type('echo hi\n');
  await page.waitForFunction(() => [...document.querySelectorAll('.terminal-host .xterm-rows > div')]
    .some((row) => row.textContent.trim() === 'hi'));
  await shot('pod-terminal');
  await page.keyboard.type('exit 3\n');
  await page.getByTestId('terminal-status').filter({ hasText: 'exit code 3' }).waitFor();
  await page.getByRole('button', { name: 'Close terminal' }).click();
});

test('the pod is stopped and deleted from the list', async () => {
  const podId = page.url().split('#/pods/')[1];
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('h1 [data-phase]', { hasText: 'stopped' }).waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Pods', exact: true }).click();
  const row = page.locator(`tr[data-pod-id="${podId}"]`);
  await row.waitFor();
  await shot('pods');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached', timeout: 90_000 });
});
