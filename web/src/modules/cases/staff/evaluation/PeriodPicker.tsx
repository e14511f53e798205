import { DatePicker, Flex, Grid, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Period } from './evaluationApi.ts';
import { type PeriodPreset, periodPresets } from './period.ts';

interface PeriodPickerProps {
  preset: PeriodPreset;
  period: Period;
  onPreset: (preset: Exclude<PeriodPreset, 'custom'>) => void;
  onCustom: (period: Period) => void;
}

/** This month, last month, this quarter, this year, or any days (China time, both ends included). */
export function PeriodPicker({ preset, period, onPreset, onCustom }: PeriodPickerProps) {
  const t = useT();
  const isPhone = Grid.useBreakpoint().sm === false;
  return (
    <Flex vertical gap={8} style={{ flex: '1 1 300px', minWidth: 0 }}>
      <Segmented<PeriodPreset>
        value={preset}
        block={isPhone}
        className={isPhone ? 'wm-eval-period' : undefined}
        options={periodPresets.map((p) => ({
          value: p,
          label: <span data-testid={`eval-period-${p}`}>{t(`cases.eval.preset.${p}`)}</span>,
        }))}
        onChange={(value) => (value === 'custom' ? onCustom(period) : onPreset(value))}
        aria-label={t('cases.eval.period')}
      />
      <Flex gap={8} wrap align="center">
        {preset === 'custom' && (
          <DatePicker.RangePicker
            value={[dayjs(period.from), dayjs(period.to)]}
            allowClear={false}
            inputReadOnly={isPhone}
            onChange={(range) => {
              if (range?.[0] && range[1])
                onCustom({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
            }}
            data-testid="eval-range"
          />
        )}
        <Typography.Text type="secondary" data-testid="eval-period-text">
          {t('cases.eval.range', { from: period.from, to: period.to })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
