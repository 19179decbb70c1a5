// @vitest-environment jsdom
import './helpers';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_ROWS } from '../../src/config/schema';
import { renderApp } from './renderApp';

afterEach(cleanup);

/** The text a "?" button shows and hides (its aria-controls). */
function textOf(button: HTMLElement): HTMLElement {
  const id = button.getAttribute('aria-controls');
  const el = id ? document.getElementById(id) : null;
  if (!el) throw new Error(`${button.getAttribute('aria-label')} controls nothing`);
  return el;
}

describe('explanations', () => {
  it('every setting and the speed has a "?" disclosure, and nothing explains itself on hover only', () => {
    renderApp();
    const settings = document.querySelector<HTMLElement>('.settings')!;
    const topics = within(settings)
      .getAllByRole('button', { name: /^About / })
      .map((b) => b.getAttribute('aria-label'));
    expect(topics).toEqual(SETTING_ROWS.map((r) => `About ${r.label}`));
    expect(screen.getByRole('button', { name: 'About Speed' })).toBeTruthy();
    expect(document.querySelectorAll('[title]')).toHaveLength(0);
  });

  it('opens and closes by a press (a native button, so by touch and keyboard too)', () => {
    renderApp();
    const button = screen.getByRole('button', { name: 'About Learning rate' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    const text = textOf(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(text.hidden).toBe(true);
    expect(text.textContent).toContain('epsilon: the step size of gradient descent');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(text.hidden).toBe(false);
    // The others stay closed.
    expect(textOf(screen.getByRole('button', { name: 'About Regularization' })).hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(text.hidden).toBe(true);
  });

  it('stays the description of its control, open or closed', () => {
    renderApp();
    for (const [role, name] of [
      ['slider', 'Learning rate'],
      ['combobox', 'Dataset'],
      ['spinbutton', 'Seed'],
    ] as const) {
      const control = screen.getByRole(role, { name });
      const about = screen.getByRole('button', { name: `About ${name}` });
      expect(control.getAttribute('aria-describedby')).toBe(about.getAttribute('aria-controls'));
      expect(textOf(about).textContent).toBe(SETTING_ROWS.find((r) => r.label === name)!.help);
    }
  });
});
