/* An empty translation unit: the layer check links a stage library into a shared object around it. */
extern int schemac_layer_check;
int schemac_layer_check = 0;
