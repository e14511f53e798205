import { describe, expect, it } from 'vitest';
import { firstStepWithErrors, photoIndexOf, sortReportErrors, stepOfField } from './reportFields.ts';

describe('where a server field error belongs', () => {
  it.each([
    ['categoryCode', 'category'],
    ['photos', 'photos'],
    ['photos.3', 'photos'],
    ['photos.0.data', 'photos'],
    ['lng', 'location'],
    ['lat', 'location'],
    ['regionCode', 'location'],
    ['address', 'location'],
    ['description', 'details'],
    ['areaM2', 'details'],
    ['phone', 'details'],
    ['_', 'details'],
  ])('%s → %s', (field, step) => {
    expect(stepOfField(field)).toBe(step);
  });

  it('reads the photo index from both the photo check and the schema check', () => {
    expect(photoIndexOf('photos.1')).toBe(1);
    expect(photoIndexOf('photos.8.data')).toBe(8);
    expect(photoIndexOf('photos')).toBeUndefined();
    expect(photoIndexOf('photosX.1')).toBeUndefined();
  });

  it('sorts a mixed answer per step and finds the earliest step to go back to', () => {
    const errors = sortReportErrors({
      areaM2: 'area',
      'photos.1': 'not an image',
      regionCode: 'unknown',
      photos: 'too many',
    });
    expect(errors.photos).toEqual({ fields: { photos: 'too many' }, photos: { 1: 'not an image' } });
    expect(errors.location.fields).toEqual({ regionCode: 'unknown' });
    expect(errors.details.fields).toEqual({ areaM2: 'area' });
    expect(errors.category.fields).toEqual({});
    expect(firstStepWithErrors(errors)).toBe('photos');
    expect(firstStepWithErrors(sortReportErrors({ phone: 'bad' }))).toBe('details');
    expect(firstStepWithErrors(sortReportErrors({}))).toBeUndefined();
  });
});
