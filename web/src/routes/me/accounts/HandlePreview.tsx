import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { PLATFORM_LABELS } from '../../../app/labels/labels';
import { graphql } from '../../../gql';
import type { Platform } from '../../../gql/graphql';

const HandlePreviewQuery = graphql(`
  query HandlePreview($platform: Platform!, $input: String!) {
    socialHandlePreview(platform: $platform, input: $input) {
      valid
      handle
      url
      error
    }
  }
`);

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Shows, as the person types, the handle and profile link we would save (or why we would not:
 * the handle rules, or someone already registered it). `hideProblem` when the field itself
 * already shows the same refusal, so it is said once.
 */
export function HandlePreview({
  platform,
  input,
  hideProblem = false,
}: {
  platform: Platform | '';
  input: string;
  hideProblem?: boolean;
}) {
  const typed = useDebounced(input.trim(), 300);
  const skip = !platform || !typed;
  const { data, previousData } = useQuery(HandlePreviewQuery, {
    variables: { platform: platform as Platform, input: typed },
    skip,
    fetchPolicy: 'cache-first',
  });
  const preview = skip ? null : (data ?? previousData)?.socialHandlePreview;

  return (
    <div className="app-handle-preview" aria-live="polite" id="handle-preview">
      {!preview || (hideProblem && !preview.valid) ? null : preview.valid ? (
        <p className="app-handle-preview__valid">
          <span className="app-handle-preview__label">We will save this as </span>
          <strong dir="auto">{preview.handle}</strong> on{' '}
          {platform ? PLATFORM_LABELS[platform] : ''}
          {preview.url ? (
            <>
              {' '}
              ({/* a new tab, so the half-filled form stays as it is */}
              <a href={preview.url} target="_blank" rel="noopener noreferrer">
                check the profile (opens in a new tab)
              </a>
              )
            </>
          ) : null}
        </p>
      ) : (
        <p className="app-handle-preview__invalid">
          <span className="nhsuk-u-visually-hidden">Not a valid handle: </span>
          {preview.error}
        </p>
      )}
    </div>
  );
}
