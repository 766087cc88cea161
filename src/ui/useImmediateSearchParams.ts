import { useState } from 'react';
import { useSearchParams } from 'react-router';

type Update = URLSearchParams | ((previous: URLSearchParams) => URLSearchParams);

/**
 * The page's search parameters as state that changes at once. The router
 * renders a URL change in a transition, a moment after the event: a
 * controlled checkbox or text box bound to the URL itself would flip back
 * under the finger (React restores a controlled input right after its event)
 * and come round again later. Here the control follows the local state;
 * what it writes to the URL comes back as echoes to ignore, and any other
 * URL change (a link, back and forward) replaces the state.
 */
export function useImmediateSearchParams(): [URLSearchParams, (update: Update) => void] {
  const [urlParams, setUrlParams] = useSearchParams();
  const url = urlParams.toString();
  const [params, setParams] = useState(urlParams);
  const [seen, setSeen] = useState(url);
  const [echoes, setEchoes] = useState<string[]>([]);
  if (url !== seen) {
    setSeen(url);
    const echo = echoes.indexOf(url);
    if (echo >= 0) {
      setEchoes(echoes.slice(echo + 1));
    } else {
      setEchoes([]);
      setParams(urlParams);
    }
  }
  const update = (change: Update) => {
    const next = typeof change === 'function' ? change(params) : change;
    setParams(next);
    setEchoes((pending) => [...pending, next.toString()]);
    // A filter or a query typed is not a new page: the scroll position stays.
    setUrlParams(next, { replace: true, preventScrollReset: true });
  };
  return [params, update];
}
