import { type ChartTarget, discoverCharts } from './charts';
import type { Check } from './check';
import { helmLint, helmTemplate } from './helm';
import { discoverOverlays, k8sResourceFiles, kustomizeBuild } from './k8s-resources';
import { kubeScore } from './kube-score';
import { kubeconform } from './kubeconform';
import { helmUnittest } from './unittest';

export function chartChecks(chart: ChartTarget): Check[] {
  const perProfile = chart.profiles.flatMap((profile) => {
    const label = `${chart.name} [${profile.name}]`;
    return [
      { name: `${label} helm lint --strict`, run: () => helmLint(chart, profile) },
      {
        name: `${label} helm template | kubeconform -strict`,
        run: async () => {
          await kubeconform({ yaml: await helmTemplate(chart, profile) });
        },
      },
      {
        name: `${label} kube-score: no unexplained CRITICAL`,
        run: async () => {
          await kubeScore(await helmTemplate(chart, profile), chart.name);
        },
      },
    ];
  });
  return [...perProfile, { name: `${chart.name} helm-unittest`, run: () => helmUnittest(chart) }];
}

function k8sChecks(): Check[] {
  const files = k8sResourceFiles();
  const overlays = discoverOverlays();
  return [
    ...(files.length === 0
      ? []
      : [
          {
            name: `k8s/ resources (${files.length} files) | kubeconform -strict`,
            run: () => kubeconform({ files }),
          },
        ]),
    ...overlays.flatMap((overlay) => {
      const label = `k8s/overlays/${overlay.name}`;
      return [
        {
          name: `${label} kustomize build | kubeconform -strict`,
          run: async () => {
            await kubeconform({ yaml: await kustomizeBuild(overlay.dir) });
          },
        },
        {
          name: `${label} kube-score: no unexplained CRITICAL`,
          run: async () => {
            await kubeScore(await kustomizeBuild(overlay.dir), `overlay/${overlay.name}`);
          },
        },
      ];
    }),
  ];
}

/** Every validation of charts/ and k8s/: one per chart × profile × tool, one per overlay × tool. */
export function validationChecks(chartsRoot?: string): Check[] {
  return [...discoverCharts(chartsRoot).flatMap(chartChecks), ...k8sChecks()];
}
