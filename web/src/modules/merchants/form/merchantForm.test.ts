import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api.ts';
import { sampleMerchant } from '../test/merchantSamples.ts';
import { formValuesOf, merchantBodyOf, merchantEditBodyOf, placeFieldErrors } from './merchantForm.ts';

describe('the body the form sends', () => {
  it('leaves blanks out and trims what it sends', () => {
    expect(
      merchantBodyOf({
        name: ' 老街米粉店 ',
        creditCode: '  ',
        licenceNo: '430225600012345',
        kind: 'catering',
        supervised: true,
        schoolSurroundings: false,
        marketStall: false,
        regionCode: '430225100',
        address: ' 炎帝大道 88 号 ',
        gridCode: '',
        lng: null,
        lat: null,
        frontageM: null,
        operatorName: ' 张三 ',
        operatorPhone: '',
      }),
    ).toEqual({
      name: '老街米粉店',
      licenceNo: '430225600012345',
      kind: 'catering',
      marketStall: false,
      schoolSurroundings: false,
      supervised: true,
      regionCode: '430225100',
      address: '炎帝大道 88 号',
      operatorName: '张三',
    });
  });

  it('sends a risk grade only for a food business and a market only for a stall', () => {
    const base = { name: 'x', kind: 'other' as const, riskGrade: 'C' as const, marketStall: false, marketId: 'm-1' };
    const other = merchantBodyOf(base);
    expect(other).not.toHaveProperty('riskGrade');
    expect(other).not.toHaveProperty('marketId');
    const stall = merchantBodyOf({ ...base, kind: 'food_sale', marketStall: true });
    expect(stall).toMatchObject({ riskGrade: 'C', marketId: 'm-1', marketStall: true });
  });

  it('sends the point and frontage as numbers, zero included', () => {
    expect(merchantBodyOf({ lng: 113.7724, lat: 0, frontageM: 6.5 })).toMatchObject({
      lng: 113.7724,
      lat: 0,
      frontageM: 6.5,
    });
  });

  it('an edit sends the record with the state chosen and the revision it read', () => {
    const merchant = sampleMerchant({ revision: 7 });
    const body = merchantEditBodyOf({ ...formValuesOf(merchant), status: 'suspended', operatorName: '张三' }, merchant);
    expect(body).toMatchObject({ status: 'suspended', revision: 7, operatorName: '张三', riskGrade: 'B' });
  });
});

describe('an edit starts from the record', () => {
  it('with every field as stored but the masked operator, which would overwrite the clear values', () => {
    const values = formValuesOf(sampleMerchant());
    expect(values).toMatchObject({
      name: '炎陵县老街米粉店',
      regionCode: '430225100200',
      frontageM: 6.5,
      riskGrade: 'B',
    });
    expect(values.operatorName).toBeUndefined();
    expect(values.operatorPhone).toBeUndefined();
  });
});

describe('server field errors', () => {
  it('go to the fields the form has (dotted or pointer names) and the rest comes back for the alert', () => {
    const placed: { name: string; errors: string[] }[] = [];
    const error = new ApiError(400, 'validation', '请检查', {
      creditCode: '统一社会信用代码校验位不正确',
      '/lat': '经度和纬度要一起填写',
      'Idempotency-Key': '幂等键无效',
    });
    const elsewhere = placeFieldErrors({ setFields: (fields) => placed.push(...fields) }, error);
    expect(placed).toEqual([
      { name: 'creditCode', errors: ['统一社会信用代码校验位不正确'] },
      { name: 'lat', errors: ['经度和纬度要一起填写'] },
    ]);
    expect(elsewhere).toEqual(['幂等键无效']);
  });
});
