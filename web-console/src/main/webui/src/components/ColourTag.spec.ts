import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ColourTag from './ColourTag.vue';

describe('ColourTag', () => {
  it('names the API’s colour in Chinese and styles it by colour', () => {
    const red = mount(ColourTag, { props: { colour: 'RED' } });
    expect(red.text()).toBe('红');
    expect(red.classes()).toContain('red');
    expect(red.attributes('aria-label')).toBe('颜色：红');
  });

  it('shows a dash when there is no colour', () => {
    expect(mount(ColourTag, { props: { colour: null } }).text()).toBe('—');
  });
});
