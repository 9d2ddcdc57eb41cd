#pragma once
// Made-up images for the layer map's benchmark, tests and screenshots, shaped like a real
// repository's tags: a few base images (families), each with builds that share a middle part and
// then add their own layers, one blob reused on different bases (the empty gzip layer Docker
// writes), sizes from a few bytes to hundreds of MB, realistic build steps. Deterministic for a
// seed: the same arguments always give the same digests, sizes and steps.

#include "layers/LayerGraph.h"

#include <QList>

namespace wharf::testbed {

// `images` images of `layers` layers each (at least 4), labelled "v1.N linux/amd64" and alike.
[[nodiscard]] QList<LayerGraph::Image> syntheticLayerImages(int images, int layers, quint32 seed = 5);

} // namespace wharf::testbed
