; ModuleID = "symgrad_8f3024f4cfcf"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define void @"kernel"(ptr %"slots", ptr %"dims") nounwind
{
allocas:
  %"transa" = alloca i8
  %"transb" = alloca i8
  %"alpha" = alloca double
  %"beta" = alloca double
  %"m" = alloca i32
  %"n" = alloca i32
  %"k" = alloca i32
  %"lda" = alloca i32
  %"ldb" = alloca i32
  %"ldc" = alloca i32
  %"region1.ctx" = alloca {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}
  %"transa.1" = alloca i8
  %"transb.1" = alloca i8
  %"alpha.1" = alloca double
  %"beta.1" = alloca double
  %"m.1" = alloca i32
  %"n.1" = alloca i32
  %"k.1" = alloca i32
  %"lda.1" = alloca i32
  %"ldb.1" = alloca i32
  %"ldc.1" = alloca i32
  %"region2.ctx" = alloca {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}
  %"region2.scratch" = alloca double, i32 14
  %"transa.2" = alloca i8
  %"transb.2" = alloca i8
  %"alpha.2" = alloca double
  %"beta.2" = alloca double
  %"m.2" = alloca i32
  %"n.2" = alloca i32
  %"k.2" = alloca i32
  %"lda.2" = alloca i32
  %"ldb.2" = alloca i32
  %"ldc.2" = alloca i32
  %"transa.3" = alloca i8
  %"transb.3" = alloca i8
  %"alpha.3" = alloca double
  %"beta.3" = alloca double
  %"m.3" = alloca i32
  %"n.3" = alloca i32
  %"k.3" = alloca i32
  %"lda.3" = alloca i32
  %"ldb.3" = alloca i32
  %"ldc.3" = alloca i32
  %"region3.ctx" = alloca {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}
  %"region3.scratch" = alloca double, i32 28
  %"transa.4" = alloca i8
  %"transb.4" = alloca i8
  %"alpha.4" = alloca double
  %"beta.4" = alloca double
  %"m.4" = alloca i32
  %"n.4" = alloca i32
  %"k.4" = alloca i32
  %"lda.4" = alloca i32
  %"ldb.4" = alloca i32
  %"ldc.4" = alloca i32
  br label %"entry"
entry:
  %".4" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".4"
  %".5" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_W1" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_W2" = load ptr, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_X" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_Y" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_b1" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_b2" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t18" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t36" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t34" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t29" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t25" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t5" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t1" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t27" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t3" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t4" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t12" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t24" = load ptr, ptr %".22"
  %".23" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"buf_t33" = load ptr, ptr %".23"
  %".24" = getelementptr inbounds ptr, ptr %"slots", i64 18
  %"buf_status" = load ptr, ptr %".24"
  %".25" = getelementptr inbounds ptr, ptr %"slots", i64 19
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".25"
  %"N.1" = sitofp i64 %"N" to double
  %".26" = fdiv double 0x3ff0000000000000, %"N.1"
  store i8 78, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".31" = trunc i64 4 to i32
  store i32 %".31", i32* %"m"
  %".33" = trunc i64 %"N" to i32
  store i32 %".33", i32* %"n"
  %".35" = trunc i64 3 to i32
  store i32 %".35", i32* %"k"
  %".37" = icmp slt i64 4, 1
  %".38" = select  i1 %".37", i64 1, i64 4
  %".39" = trunc i64 %".38" to i32
  store i32 %".39", i32* %"lda"
  %".41" = icmp slt i64 3, 1
  %".42" = select  i1 %".41", i64 1, i64 3
  %".43" = trunc i64 %".42" to i32
  store i32 %".43", i32* %"ldb"
  %".45" = icmp slt i64 4, 1
  %".46" = select  i1 %".45", i64 1, i64 4
  %".47" = trunc i64 %".46" to i32
  store i32 %".47", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_W1", i32* %"lda", ptr %"buf_X", i32* %"ldb", double* %"beta", ptr %"buf_t1", i32* %"ldc")
  %".50" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i32 0, i32 0
  store ptr %"slots", ptr %".50"
  %".52" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i32 0, i32 1
  store ptr %"dims", ptr %".52"
  %".54" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i32 0, i32 2
  store i64 %"N", i64* %".54"
  %".56" = add i64 0, 4
  %".57" = mul i64 %"N", %".56"
  %"by_work" = udiv i64 %".57", 16384
  %".58" = getelementptr inbounds ptr, ptr %"slots", i64 23
  %".59" = load i32 ()*, ptr %".58"
  %".60" = icmp ne i32 ()* %".59", null
  br i1 %".60", label %"entry.if", label %"entry.endif"
entry.if:
  %".62" = call i32 %".59"()
  %".63" = sext i32 %".62" to i64
  br label %"entry.endif"
entry.endif:
  %"threads" = phi  i64 [1, %"entry"], [%".63", %"entry.if"]
  %".65" = icmp slt i64 %"by_work", %"threads"
  %".66" = select  i1 %".65", i64 %"by_work", i64 %"threads"
  %".67" = icmp slt i64 %"N", 8
  %".68" = select  i1 %".67", i64 %"N", i64 8
  %".69" = icmp slt i64 %".66", %".68"
  %".70" = select  i1 %".69", i64 %".66", i64 %".68"
  %".71" = icmp slt i64 %".70", 1
  %"chunks" = select  i1 %".71", i64 1, i64 %".70"
  %".72" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i32 0, i32 3
  store i64 %"chunks", i64* %".72"
  %".74" = icmp sgt i64 %"chunks", 1
  br i1 %".74", label %"entry.endif.if", label %"entry.endif.else"
entry.endif.if:
  %".76" = getelementptr inbounds ptr, ptr %"slots", i64 20
  %".77" = load void (ptr, ptr, i32, i32)*, ptr %".76"
  %".78" = trunc i64 %"chunks" to i32
  call void %".77"(void (ptr)* @"region1.body.omp", {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i32 %".78", i32 0)
  br label %"entry.endif.endif"
entry.endif.else:
  call void @"region1.body"({ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region1.ctx", i64 0)
  br label %"entry.endif.endif"
entry.endif.endif:
  store i8 78, i8* %"transa.1"
  store i8 78, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".87" = trunc i64 2 to i32
  store i32 %".87", i32* %"m.1"
  %".89" = trunc i64 %"N" to i32
  store i32 %".89", i32* %"n.1"
  %".91" = trunc i64 4 to i32
  store i32 %".91", i32* %"k.1"
  %".93" = icmp slt i64 2, 1
  %".94" = select  i1 %".93", i64 1, i64 2
  %".95" = trunc i64 %".94" to i32
  store i32 %".95", i32* %"lda.1"
  %".97" = icmp slt i64 4, 1
  %".98" = select  i1 %".97", i64 1, i64 4
  %".99" = trunc i64 %".98" to i32
  store i32 %".99", i32* %"ldb.1"
  %".101" = icmp slt i64 2, 1
  %".102" = select  i1 %".101", i64 1, i64 2
  %".103" = trunc i64 %".102" to i32
  store i32 %".103", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_W2", i32* %"lda.1", ptr %"buf_t3", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t4", i32* %"ldc.1")
  %".106" = fneg double %".26"
  %".107" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 0
  store ptr %"slots", ptr %".107"
  %".109" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 1
  store ptr %"dims", ptr %".109"
  %".111" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 2
  store i64 %"N", i64* %".111"
  %".113" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 5, i32 0
  store double %".26", double* %".113"
  %".115" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 5, i32 1
  store double %".106", double* %".115"
  %".117" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 4
  store double* %"region2.scratch", ptr %".117"
  %".119" = add i64 0, 2
  %".120" = add i64 %".119", 1
  %".121" = add i64 %".120", 2
  %".122" = add i64 %".121", 1
  %".123" = add i64 %".122", 2
  %".124" = mul i64 %"N", %".123"
  %"by_work.1" = udiv i64 %".124", 16384
  %".125" = getelementptr inbounds ptr, ptr %"slots", i64 23
  %".126" = load i32 ()*, ptr %".125"
  %".127" = icmp ne i32 ()* %".126", null
  br i1 %".127", label %"entry.endif.endif.if", label %"entry.endif.endif.endif"
entry.endif.endif.if:
  %".129" = call i32 %".126"()
  %".130" = sext i32 %".129" to i64
  br label %"entry.endif.endif.endif"
entry.endif.endif.endif:
  %"threads.1" = phi  i64 [1, %"entry.endif.endif"], [%".130", %"entry.endif.endif.if"]
  %".132" = icmp slt i64 %"by_work.1", %"threads.1"
  %".133" = select  i1 %".132", i64 %"by_work.1", i64 %"threads.1"
  %".134" = icmp slt i64 %"N", 8
  %".135" = select  i1 %".134", i64 %"N", i64 8
  %".136" = icmp slt i64 %".133", %".135"
  %".137" = select  i1 %".136", i64 %".133", i64 %".135"
  %".138" = icmp slt i64 %".137", 1
  %"chunks.1" = select  i1 %".138", i64 1, i64 %".137"
  %".139" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 3
  store i64 %"chunks.1", i64* %".139"
  %".141" = icmp sgt i64 %"chunks.1", 1
  br i1 %".141", label %"entry.endif.endif.endif.if", label %"entry.endif.endif.endif.else"
entry.endif.endif.endif.if:
  %".143" = getelementptr inbounds ptr, ptr %"slots", i64 20
  %".144" = load void (ptr, ptr, i32, i32)*, ptr %".143"
  %".145" = trunc i64 %"chunks.1" to i32
  call void %".144"(void (ptr)* @"region2.body.omp", {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 %".145", i32 0)
  br label %"entry.endif.endif.endif.endif"
entry.endif.endif.endif.else:
  call void @"region2.body"({ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i64 0)
  br label %"entry.endif.endif.endif.endif"
entry.endif.endif.endif.endif:
  br label %"region2.t25.chunks.head"
region2.t25.chunks.head:
  %"region2.t25.chunks" = phi  i64 [1, %"entry.endif.endif.endif.endif"], [%".168", %"region2.add.done"]
  %".151" = icmp slt i64 %"region2.t25.chunks", %"chunks.1"
  br i1 %".151", label %"region2.t25.chunks.body", label %"region2.t25.chunks.done"
region2.t25.chunks.body:
  %".153" = sub i64 %"region2.t25.chunks", 1
  %".154" = mul i64 %".153", 2
  %".155" = add i64 %".154", 0
  br label %"region2.add.head"
region2.t25.chunks.done:
  br label %"region2.t7.total.head"
region2.add.head:
  %"region2.add" = phi  i64 [0, %"region2.t25.chunks.body"], [%".166", %"region2.add.body"]
  %".157" = icmp slt i64 %"region2.add", 2
  br i1 %".157", label %"region2.add.body", label %"region2.add.done"
region2.add.body:
  %".159" = add i64 %".155", %"region2.add"
  %".160" = getelementptr inbounds double, double* %"region2.scratch", i64 %".159"
  %".161" = getelementptr inbounds double, ptr %"buf_t25", i64 %"region2.add"
  %".162" = load double, ptr %".161"
  %".163" = load double, double* %".160"
  %".164" = fadd double %".162", %".163"
  store double %".164", ptr %".161"
  %".166" = add nuw nsw i64 %"region2.add", 1
  br label %"region2.add.head"
region2.add.done:
  %".168" = add nuw nsw i64 %"region2.t25.chunks", 1
  br label %"region2.t25.chunks.head"
region2.t7.total.head:
  %"region2.t7.total" = phi  i64 [0, %"region2.t25.chunks.done"], [%".178", %"region2.t7.total.body"]
  %"region2.t7.total.acc" = phi  double [             0x0, %"region2.t25.chunks.done"], [%".177", %"region2.t7.total.body"]
  %".171" = icmp slt i64 %"region2.t7.total", %"chunks.1"
  br i1 %".171", label %"region2.t7.total.body", label %"region2.t7.total.done"
region2.t7.total.body:
  %".173" = mul i64 %"region2.t7.total", 2
  %".174" = add i64 %".173", 0
  %".175" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 6, i64 %".174"
  %".176" = load double, double* %".175"
  %".177" = fadd double %"region2.t7.total.acc", %".176"
  %".178" = add nuw nsw i64 %"region2.t7.total", 1
  br label %"region2.t7.total.head"
region2.t7.total.done:
  br label %"region2.t16.total.head"
region2.t16.total.head:
  %"region2.t16.total" = phi  i64 [0, %"region2.t7.total.done"], [%".188", %"region2.t16.total.body"]
  %"region2.t16.total.acc" = phi  double [             0x0, %"region2.t7.total.done"], [%".187", %"region2.t16.total.body"]
  %".181" = icmp slt i64 %"region2.t16.total", %"chunks.1"
  br i1 %".181", label %"region2.t16.total.body", label %"region2.t16.total.done"
region2.t16.total.body:
  %".183" = mul i64 %"region2.t16.total", 2
  %".184" = add i64 %".183", 1
  %".185" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}* %"region2.ctx", i32 0, i32 6, i64 %".184"
  %".186" = load double, double* %".185"
  %".187" = fadd double %"region2.t16.total.acc", %".186"
  %".188" = add nuw nsw i64 %"region2.t16.total", 1
  br label %"region2.t16.total.head"
region2.t16.total.done:
  %".190" = fneg double %"region2.t7.total.acc"
  %".191" = fadd double %".190", %"region2.t16.total.acc"
  %".192" = fmul double %".26", %".191"
  store i8 84, i8* %"transa.2"
  store i8 78, i8* %"transb.2"
  store double 0x3ff0000000000000, double* %"alpha.2"
  store double              0x0, double* %"beta.2"
  %".197" = trunc i64 4 to i32
  store i32 %".197", i32* %"m.2"
  %".199" = trunc i64 %"N" to i32
  store i32 %".199", i32* %"n.2"
  %".201" = trunc i64 2 to i32
  store i32 %".201", i32* %"k.2"
  %".203" = icmp slt i64 2, 1
  %".204" = select  i1 %".203", i64 1, i64 2
  %".205" = trunc i64 %".204" to i32
  store i32 %".205", i32* %"lda.2"
  %".207" = icmp slt i64 2, 1
  %".208" = select  i1 %".207", i64 1, i64 2
  %".209" = trunc i64 %".208" to i32
  store i32 %".209", i32* %"ldb.2"
  %".211" = icmp slt i64 4, 1
  %".212" = select  i1 %".211", i64 1, i64 4
  %".213" = trunc i64 %".212" to i32
  store i32 %".213", i32* %"ldc.2"
  call void %"gemm"(i8* %"transa.2", i8* %"transb.2", i32* %"m.2", i32* %"n.2", i32* %"k.2", double* %"alpha.2", ptr %"buf_W2", i32* %"lda.2", ptr %"buf_t24", i32* %"ldb.2", double* %"beta.2", ptr %"buf_t27", i32* %"ldc.2")
  store i8 78, i8* %"transa.3"
  store i8 84, i8* %"transb.3"
  store double 0x3ff0000000000000, double* %"alpha.3"
  store double              0x0, double* %"beta.3"
  %".220" = trunc i64 2 to i32
  store i32 %".220", i32* %"m.3"
  %".222" = trunc i64 4 to i32
  store i32 %".222", i32* %"n.3"
  %".224" = trunc i64 %"N" to i32
  store i32 %".224", i32* %"k.3"
  %".226" = icmp slt i64 2, 1
  %".227" = select  i1 %".226", i64 1, i64 2
  %".228" = trunc i64 %".227" to i32
  store i32 %".228", i32* %"lda.3"
  %".230" = icmp slt i64 4, 1
  %".231" = select  i1 %".230", i64 1, i64 4
  %".232" = trunc i64 %".231" to i32
  store i32 %".232", i32* %"ldb.3"
  %".234" = icmp slt i64 2, 1
  %".235" = select  i1 %".234", i64 1, i64 2
  %".236" = trunc i64 %".235" to i32
  store i32 %".236", i32* %"ldc.3"
  call void %"gemm"(i8* %"transa.3", i8* %"transb.3", i32* %"m.3", i32* %"n.3", i32* %"k.3", double* %"alpha.3", ptr %"buf_t24", i32* %"lda.3", ptr %"buf_t3", i32* %"ldb.3", double* %"beta.3", ptr %"buf_t29", i32* %"ldc.3")
  %".239" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 0, i32 0
  store ptr %"slots", ptr %".239"
  %".241" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 0, i32 1
  store ptr %"dims", ptr %".241"
  %".243" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 0, i32 2
  store i64 %"N", i64* %".243"
  %".245" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 0, i32 4
  store double* %"region3.scratch", ptr %".245"
  %".247" = add i64 0, 4
  %".248" = mul i64 %"N", %".247"
  %"by_work.2" = udiv i64 %".248", 16384
  %".249" = getelementptr inbounds ptr, ptr %"slots", i64 23
  %".250" = load i32 ()*, ptr %".249"
  %".251" = icmp ne i32 ()* %".250", null
  br i1 %".251", label %"region2.t16.total.done.if", label %"region2.t16.total.done.endif"
region2.t16.total.done.if:
  %".253" = call i32 %".250"()
  %".254" = sext i32 %".253" to i64
  br label %"region2.t16.total.done.endif"
region2.t16.total.done.endif:
  %"threads.2" = phi  i64 [1, %"region2.t16.total.done"], [%".254", %"region2.t16.total.done.if"]
  %".256" = icmp slt i64 %"by_work.2", %"threads.2"
  %".257" = select  i1 %".256", i64 %"by_work.2", i64 %"threads.2"
  %".258" = icmp slt i64 %"N", 8
  %".259" = select  i1 %".258", i64 %"N", i64 8
  %".260" = icmp slt i64 %".257", %".259"
  %".261" = select  i1 %".260", i64 %".257", i64 %".259"
  %".262" = icmp slt i64 %".261", 1
  %"chunks.2" = select  i1 %".262", i64 1, i64 %".261"
  %".263" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 0, i32 3
  store i64 %"chunks.2", i64* %".263"
  %".265" = icmp sgt i64 %"chunks.2", 1
  br i1 %".265", label %"region2.t16.total.done.endif.if", label %"region2.t16.total.done.endif.else"
region2.t16.total.done.endif.if:
  %".267" = getelementptr inbounds ptr, ptr %"slots", i64 20
  %".268" = load void (ptr, ptr, i32, i32)*, ptr %".267"
  %".269" = trunc i64 %"chunks.2" to i32
  call void %".268"(void (ptr)* @"region3.body.omp", {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i32 %".269", i32 0)
  br label %"region2.t16.total.done.endif.endif"
region2.t16.total.done.endif.else:
  call void @"region3.body"({ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}* %"region3.ctx", i64 0)
  br label %"region2.t16.total.done.endif.endif"
region2.t16.total.done.endif.endif:
  br label %"region3.t34.chunks.head"
region3.t34.chunks.head:
  %"region3.t34.chunks" = phi  i64 [1, %"region2.t16.total.done.endif.endif"], [%".292", %"region3.add.done"]
  %".275" = icmp slt i64 %"region3.t34.chunks", %"chunks.2"
  br i1 %".275", label %"region3.t34.chunks.body", label %"region3.t34.chunks.done"
region3.t34.chunks.body:
  %".277" = sub i64 %"region3.t34.chunks", 1
  %".278" = mul i64 %".277", 4
  %".279" = add i64 %".278", 0
  br label %"region3.add.head"
region3.t34.chunks.done:
  store i8 78, i8* %"transa.4"
  store i8 84, i8* %"transb.4"
  store double 0x3ff0000000000000, double* %"alpha.4"
  store double              0x0, double* %"beta.4"
  %".298" = trunc i64 4 to i32
  store i32 %".298", i32* %"m.4"
  %".300" = trunc i64 3 to i32
  store i32 %".300", i32* %"n.4"
  %".302" = trunc i64 %"N" to i32
  store i32 %".302", i32* %"k.4"
  %".304" = icmp slt i64 4, 1
  %".305" = select  i1 %".304", i64 1, i64 4
  %".306" = trunc i64 %".305" to i32
  store i32 %".306", i32* %"lda.4"
  %".308" = icmp slt i64 3, 1
  %".309" = select  i1 %".308", i64 1, i64 3
  %".310" = trunc i64 %".309" to i32
  store i32 %".310", i32* %"ldb.4"
  %".312" = icmp slt i64 4, 1
  %".313" = select  i1 %".312", i64 1, i64 4
  %".314" = trunc i64 %".313" to i32
  store i32 %".314", i32* %"ldc.4"
  call void %"gemm"(i8* %"transa.4", i8* %"transb.4", i32* %"m.4", i32* %"n.4", i32* %"k.4", double* %"alpha.4", ptr %"buf_t33", i32* %"lda.4", ptr %"buf_X", i32* %"ldb.4", double* %"beta.4", ptr %"buf_t36", i32* %"ldc.4")
  store double %".192", ptr %"buf_t18"
  ret void
region3.add.head:
  %"region3.add" = phi  i64 [0, %"region3.t34.chunks.body"], [%".290", %"region3.add.body"]
  %".281" = icmp slt i64 %"region3.add", 4
  br i1 %".281", label %"region3.add.body", label %"region3.add.done"
region3.add.body:
  %".283" = add i64 %".279", %"region3.add"
  %".284" = getelementptr inbounds double, double* %"region3.scratch", i64 %".283"
  %".285" = getelementptr inbounds double, ptr %"buf_t34", i64 %"region3.add"
  %".286" = load double, ptr %".285"
  %".287" = load double, double* %".284"
  %".288" = fadd double %".286", %".287"
  store double %".288", ptr %".285"
  %".290" = add nuw nsw i64 %"region3.add", 1
  br label %"region3.add.head"
region3.add.done:
  %".292" = add nuw nsw i64 %"region3.t34.chunks", 1
  br label %"region3.t34.chunks.head"
}

define internal void @"region1.body"(ptr %".1", i64 %".2") nounwind
{
allocas:
  br label %"entry"
entry:
  %".4" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %"slots" = load ptr, ptr %".4"
  %".5" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 1
  %"dims" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_W1" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_W2" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_X" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_Y" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_b1" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_b2" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t18" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t36" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t34" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t29" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t25" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t5" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t1" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t27" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t3" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t4" = load ptr, ptr %".22"
  %".23" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t12" = load ptr, ptr %".23"
  %".24" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t24" = load ptr, ptr %".24"
  %".25" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"buf_t33" = load ptr, ptr %".25"
  %".26" = getelementptr inbounds ptr, ptr %"slots", i64 18
  %"buf_status" = load ptr, ptr %".26"
  %".27" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 2
  %"rows" = load i64, ptr %".27"
  %".28" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".28"
  %".29" = mul i64 %"rows", %".2"
  %"lo" = udiv i64 %".29", %"chunks"
  %".30" = add i64 %".2", 1
  %".31" = mul i64 %"rows", %".30"
  %"hi" = udiv i64 %".31", %"chunks"
  br label %"region1.rows.head"
region1.rows.head:
  %"region1.rows" = phi  i64 [%"lo", %"entry"], [%".51", %"ct2.done"]
  %".33" = icmp slt i64 %"region1.rows", %"hi"
  br i1 %".33", label %"region1.rows.body", label %"region1.rows.done"
region1.rows.body:
  br label %"ct2.head"
region1.rows.done:
  ret void
ct2.head:
  %"ct2" = phi  i64 [0, %"region1.rows.body"], [%".49", %"ct2.body"]
  %".36" = icmp slt i64 %"ct2", 4
  br i1 %".36", label %"ct2.body", label %"ct2.done"
ct2.body:
  %".38" = mul nsw i64 %"region1.rows", 4
  %".39" = add nsw i64 %".38", %"ct2"
  %".40" = getelementptr inbounds double, ptr %"buf_t1", i64 %".39"
  %"t1" = load double, ptr %".40"
  %".41" = mul nsw i64 0, 4
  %".42" = add nsw i64 %".41", %"ct2"
  %".43" = getelementptr inbounds double, ptr %"buf_b1", i64 %".42"
  %"b1" = load double, ptr %".43"
  %".44" = fadd double %"t1", %"b1"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".44")
  %".45" = mul nsw i64 %"region1.rows", 4
  %".46" = add nsw i64 %".45", %"ct2"
  %".47" = getelementptr inbounds double, ptr %"buf_t3", i64 %".46"
  store double %"tanh", ptr %".47"
  %".49" = add nuw nsw i64 %"ct2", 1
  br label %"ct2.head"
ct2.done:
  %".51" = add nuw nsw i64 %"region1.rows", 1
  br label %"region1.rows.head"
}

define internal double @"symgrad.tanh.f64"(double %"x") alwaysinline nounwind readnone
{
entry:
  %"ax" = call double @"llvm.fabs.f64"(double %"x")
  %".3" = fcmp ogt double %"ax", 0x4034000000000000
  %"ax.c.hi" = select  i1 %".3", double 0x4034000000000000, double %"ax"
  %".4" = fcmp olt double %"ax.c.hi",              0x0
  %"ax.c" = select  i1 %".4", double              0x0, double %"ax.c.hi"
  %"ax.large" = fcmp ogt double %"ax.c", 0x3fe193ea7aad030b
  %"2ax" = fadd double %"ax.c", %"ax.c"
  %".5" = fneg double %"2ax"
  %"tanh.arg" = select  i1 %"ax.large", double %"2ax", double %".5"
  %".6" = fcmp ogt double %"tanh.arg", 0x4044800000000000
  %"xc.hi" = select  i1 %".6", double 0x4044800000000000, double %"tanh.arg"
  %".7" = fcmp olt double %"xc.hi", 0xc044800000000000
  %"xc" = select  i1 %".7", double 0xc044800000000000, double %"xc.hi"
  %"n.shifted" = call double @"llvm.fmuladd.f64"(double %"xc", double 0x3ff71547652b82fe, double 0x4338000000000000)
  %"n.f" = fsub double %"n.shifted", 0x4338000000000000
  %".8" = bitcast double %"n.shifted" to i64
  %".9" = bitcast double 0x4338000000000000 to i64
  %"n.i" = sub i64 %".8", %".9"
  %"r.hi" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbfe62e42fee00000, double %"xc")
  %"r" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbdea39ef35793c76, double %"r.hi")
  %"q.h0" = call double @"llvm.fmuladd.f64"(double 0x3e220672d926c99b, double %"r", double 0x3e5af5295cff831b)
  %"q.h1" = call double @"llvm.fmuladd.f64"(double %"q.h0", double %"r", double 0x3e927e4533df1a11)
  %"q.h2" = call double @"llvm.fmuladd.f64"(double %"q.h1", double %"r", double 0x3ec71ddffe70d7d8)
  %"q.h3" = call double @"llvm.fmuladd.f64"(double %"q.h2", double %"r", double 0x3efa01a01db7724c)
  %"q.h4" = call double @"llvm.fmuladd.f64"(double %"q.h3", double %"r", double 0x3f2a01a01aca4bd5)
  %"q.h5" = call double @"llvm.fmuladd.f64"(double %"q.h4", double %"r", double 0x3f56c16c16c0dfa4)
  %"q.h6" = call double @"llvm.fmuladd.f64"(double %"q.h5", double %"r", double 0x3f8111111110ff7b)
  %"q.h7" = call double @"llvm.fmuladd.f64"(double %"q.h6", double %"r", double 0x3fa5555555555564)
  %"q.h8" = call double @"llvm.fmuladd.f64"(double %"q.h7", double %"r", double 0x3fc5555555555557)
  %"q.h9" = call double @"llvm.fmuladd.f64"(double %"q.h8", double %"r", double 0x3fe0000000000000)
  %"r2" = fmul double %"r", %"r"
  %"p" = call double @"llvm.fmuladd.f64"(double %"r2", double %"q.h9", double %"r")
  %"s.biased" = add i64 %"n.i", 1023
  %"s.bits" = shl i64 %"s.biased", 52
  %"s" = bitcast i64 %"s.bits" to double
  %"s-1" = fsub double %"s", 0x3ff0000000000000
  %"expm1" = call double @"llvm.fmuladd.f64"(double %"s", double %"p", double %"s-1")
  %"t+2" = fadd double %"expm1", 0x4000000000000000
  %".10" = fneg double %"expm1"
  %".11" = select  i1 %"ax.large", double 0x4000000000000000, double %".10"
  %"q" = fdiv double %".11", %"t+2"
  %".12" = fsub double 0x3ff0000000000000, %"q"
  %"tanh.mag" = select  i1 %"ax.large", double %".12", double %"q"
  %"tanh" = call double @"llvm.copysign.f64"(double %"tanh.mag", double %"x")
  ret double %"tanh"
}

declare double @"llvm.fabs.f64"(double %".1")

declare double @"llvm.fmuladd.f64"(double %".1", double %".2", double %".3")

declare double @"llvm.copysign.f64"(double %".1", double %".2")

define internal void @"region1.body.omp"(ptr %".1") nounwind
{
entry:
  %".3" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %".4" = load ptr, ptr %".3"
  %".5" = getelementptr inbounds ptr, ptr %".4", i64 21
  %".6" = load i32 ()*, ptr %".5"
  %".7" = getelementptr inbounds ptr, ptr %".4", i64 22
  %".8" = load i32 ()*, ptr %".7"
  %".9" = call i32 %".6"()
  %"t" = sext i32 %".9" to i64
  %".10" = call i32 %".8"()
  %"nt" = sext i32 %".10" to i64
  %".11" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".11"
  br label %"head"
head:
  %"c" = phi  i64 [%"t", %"entry"], [%".16", %"loop"]
  %".13" = icmp slt i64 %"c", %"chunks"
  br i1 %".13", label %"loop", label %"done"
loop:
  call void @"region1.body"(ptr %".1", i64 %"c")
  %".16" = add i64 %"c", %"nt"
  br label %"head"
done:
  ret void
}

define internal void @"region2.body"(ptr %".1", i64 %".2") nounwind
{
allocas:
  %"t7.acc" = alloca double
  %"t16.acc" = alloca double
  br label %"entry"
entry:
  %".4" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %"slots" = load ptr, ptr %".4"
  %".5" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 1
  %"dims" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_W1" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_W2" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_X" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_Y" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_b1" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_b2" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t18" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t36" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t34" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t29" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t25" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t5" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t1" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t27" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t3" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t4" = load ptr, ptr %".22"
  %".23" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t12" = load ptr, ptr %".23"
  %".24" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t24" = load ptr, ptr %".24"
  %".25" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"buf_t33" = load ptr, ptr %".25"
  %".26" = getelementptr inbounds ptr, ptr %"slots", i64 18
  %"buf_status" = load ptr, ptr %".26"
  %".27" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 5, i32 0
  %"t0" = load double, ptr %".27"
  %".28" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 5, i32 1
  %"t22" = load double, ptr %".28"
  %".29" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 2
  %"rows" = load i64, ptr %".29"
  %".30" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".30"
  %".31" = mul i64 %"rows", %".2"
  %"lo" = udiv i64 %".31", %"chunks"
  %".32" = add i64 %".2", 1
  %".33" = mul i64 %"rows", %".32"
  %"hi" = udiv i64 %".33", %"chunks"
  %".34" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 4
  %"scratch" = load ptr, ptr %".34"
  %".35" = icmp eq i64 %".2", 0
  %".36" = sub i64 %".2", 1
  %".37" = mul i64 %".36", 2
  %".38" = add i64 %".37", 0
  %".39" = getelementptr double, ptr %"scratch", i64 %".38"
  %"t25.part" = select  i1 %".35", ptr %"buf_t25", ptr %".39"
  store double              0x0, double* %"t7.acc"
  store double              0x0, double* %"t16.acc"
  %".42" = mul i64 1, 2
  br label %"z.t25.head"
z.t25.head:
  %"z.t25" = phi  i64 [0, %"entry"], [%".48", %"z.t25.body"]
  %".44" = icmp slt i64 %"z.t25", %".42"
  br i1 %".44", label %"z.t25.body", label %"z.t25.done"
z.t25.body:
  %".46" = getelementptr inbounds double, ptr %"t25.part", i64 %"z.t25"
  store double              0x0, ptr %".46"
  %".48" = add nuw nsw i64 %"z.t25", 1
  br label %"z.t25.head"
z.t25.done:
  br label %"region2.rows.head"
region2.rows.head:
  %"region2.rows" = phi  i64 [%"lo", %"z.t25.done"], [%".125", %"ct21.done"]
  %".51" = icmp slt i64 %"region2.rows", %"hi"
  br i1 %".51", label %"region2.rows.body", label %"region2.rows.done"
region2.rows.body:
  br label %"ct5.head"
region2.rows.done:
  %".127" = load double, double* %"t7.acc"
  %".128" = mul i64 %".2", 2
  %".129" = add i64 %".128", 0
  %".130" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 6, i64 %".129"
  store double %".127", ptr %".130"
  %".132" = load double, double* %"t16.acc"
  %".133" = mul i64 %".2", 2
  %".134" = add i64 %".133", 1
  %".135" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 6, i64 %".134"
  store double %".132", ptr %".135"
  ret void
ct5.head:
  %"ct5" = phi  i64 [0, %"region2.rows.body"], [%".74", %"ct5.body"]
  %"ct5.acc" = phi  double [             0x0, %"region2.rows.body"], [%".71", %"ct5.body"]
  %"ct5.acc.1" = phi  double [0xfff0000000000000, %"region2.rows.body"], [%"max", %"ct5.body"]
  %".54" = icmp slt i64 %"ct5", 2
  br i1 %".54", label %"ct5.body", label %"ct5.done"
ct5.body:
  %".56" = mul nsw i64 %"region2.rows", 2
  %".57" = add nsw i64 %".56", %"ct5"
  %".58" = getelementptr inbounds double, ptr %"buf_t4", i64 %".57"
  %"t4" = load double, ptr %".58"
  %".59" = mul nsw i64 0, 2
  %".60" = add nsw i64 %".59", %"ct5"
  %".61" = getelementptr inbounds double, ptr %"buf_b2", i64 %".60"
  %"b2" = load double, ptr %".61"
  %".62" = fadd double %"t4", %"b2"
  %".63" = mul nsw i64 %"region2.rows", 2
  %".64" = add nsw i64 %".63", %"ct5"
  %".65" = getelementptr inbounds double, ptr %"buf_t5", i64 %".64"
  store double %".62", ptr %".65"
  %".67" = mul nsw i64 %"region2.rows", 2
  %".68" = add nsw i64 %".67", %"ct5"
  %".69" = getelementptr inbounds double, ptr %"buf_Y", i64 %".68"
  %"Y" = load double, ptr %".69"
  %".70" = fmul double %"Y", %".62"
  %".71" = fadd reassoc double %"ct5.acc", %".70"
  %".72" = fcmp oge double %".62", %"ct5.acc.1"
  %"isnan" = fcmp uno double %".62", %".62"
  %".73" = or i1 %".72", %"isnan"
  %"max" = select  i1 %".73", double %".62", double %"ct5.acc.1"
  %".74" = add nuw nsw i64 %"ct5", 1
  br label %"ct5.head"
ct5.done:
  %".76" = load double, double* %"t7.acc"
  %".77" = fadd reassoc double %".76", %"ct5.acc"
  store double %".77", double* %"t7.acc"
  %".79" = fneg double %"ct5.acc.1"
  br label %"ct11.head"
ct11.head:
  %"ct11" = phi  i64 [0, %"ct5.done"], [%".92", %"ct11.body"]
  %"ct11.acc" = phi  double [             0x0, %"ct5.done"], [%".91", %"ct11.body"]
  %".81" = icmp slt i64 %"ct11", 2
  br i1 %".81", label %"ct11.body", label %"ct11.done"
ct11.body:
  %".83" = mul nsw i64 %"region2.rows", 2
  %".84" = add nsw i64 %".83", %"ct11"
  %".85" = getelementptr inbounds double, ptr %"buf_t5", i64 %".84"
  %"t5" = load double, ptr %".85"
  %".86" = fadd double %"t5", %".79"
  %"exp" = call double @"symgrad.exp.f64"(double %".86")
  %".87" = mul nsw i64 %"region2.rows", 2
  %".88" = add nsw i64 %".87", %"ct11"
  %".89" = getelementptr inbounds double, ptr %"buf_t12", i64 %".88"
  store double %"exp", ptr %".89"
  %".91" = fadd reassoc double %"ct11.acc", %"exp"
  %".92" = add nuw nsw i64 %"ct11", 1
  br label %"ct11.head"
ct11.done:
  %"log" = call double @"symgrad.log.f64"(double %"ct11.acc")
  %".94" = fadd double %"ct5.acc.1", %"log"
  %".95" = fadd reassoc double              0x0, %".94"
  %".96" = fdiv double 0x3ff0000000000000, %"ct11.acc"
  %".97" = fmul double %"t0", %".96"
  %".98" = load double, double* %"t16.acc"
  %".99" = fadd reassoc double %".98", %".95"
  store double %".99", double* %"t16.acc"
  br label %"ct21.head"
ct21.head:
  %"ct21" = phi  i64 [0, %"ct11.done"], [%".123", %"ct21.body"]
  %".102" = icmp slt i64 %"ct21", 2
  br i1 %".102", label %"ct21.body", label %"ct21.done"
ct21.body:
  %".104" = mul nsw i64 %"region2.rows", 2
  %".105" = add nsw i64 %".104", %"ct21"
  %".106" = getelementptr inbounds double, ptr %"buf_t12", i64 %".105"
  %"t12" = load double, ptr %".106"
  %".107" = fmul double %"t12", %".97"
  %".108" = mul nsw i64 %"region2.rows", 2
  %".109" = add nsw i64 %".108", %"ct21"
  %".110" = getelementptr inbounds double, ptr %"buf_Y", i64 %".109"
  %"Y.1" = load double, ptr %".110"
  %".111" = fmul double %"Y.1", %"t22"
  %".112" = fadd double %".107", %".111"
  %".113" = mul nsw i64 %"region2.rows", 2
  %".114" = add nsw i64 %".113", %"ct21"
  %".115" = getelementptr inbounds double, ptr %"buf_t24", i64 %".114"
  store double %".112", ptr %".115"
  %".117" = mul nsw i64 0, 2
  %".118" = add nsw i64 %".117", %"ct21"
  %".119" = getelementptr inbounds double, ptr %"t25.part", i64 %".118"
  %".120" = load double, ptr %".119"
  %".121" = fadd double %".120", %".112"
  store double %".121", ptr %".119"
  %".123" = add nuw nsw i64 %"ct21", 1
  br label %"ct21.head"
ct21.done:
  %".125" = add nuw nsw i64 %"region2.rows", 1
  br label %"region2.rows.head"
}

define internal double @"symgrad.exp.f64"(double %"x") alwaysinline nounwind readnone
{
entry:
  %".3" = fcmp ogt double %"x", 0x4086300000000000
  %"xc.hi" = select  i1 %".3", double 0x4086300000000000, double %"x"
  %".4" = fcmp olt double %"xc.hi", 0xc087500000000000
  %"xc" = select  i1 %".4", double 0xc087500000000000, double %"xc.hi"
  %"n.shifted" = call double @"llvm.fmuladd.f64"(double %"xc", double 0x3ff71547652b82fe, double 0x4338000000000000)
  %"n.f" = fsub double %"n.shifted", 0x4338000000000000
  %".5" = bitcast double %"n.shifted" to i64
  %".6" = bitcast double 0x4338000000000000 to i64
  %"n.i" = sub i64 %".5", %".6"
  %"r.hi" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbfe62e42fee00000, double %"xc")
  %"r" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbdea39ef35793c76, double %"r.hi")
  %"q.h0" = call double @"llvm.fmuladd.f64"(double 0x3e5b0a88b5eb88a5, double %"r", double 0x3e9289502969f99e)
  %"q.h1" = call double @"llvm.fmuladd.f64"(double %"q.h0", double %"r", double 0x3ec71dd56be60638)
  %"q.h2" = call double @"llvm.fmuladd.f64"(double %"q.h1", double %"r", double 0x3efa019b60ec5670)
  %"q.h3" = call double @"llvm.fmuladd.f64"(double %"q.h2", double %"r", double 0x3f2a01a01e3af402)
  %"q.h4" = call double @"llvm.fmuladd.f64"(double %"q.h3", double %"r", double 0x3f56c16c179552ff)
  %"q.h5" = call double @"llvm.fmuladd.f64"(double %"q.h4", double %"r", double 0x3f8111111110972b)
  %"q.h6" = call double @"llvm.fmuladd.f64"(double %"q.h5", double %"r", double 0x3fa5555555553b54)
  %"q.h7" = call double @"llvm.fmuladd.f64"(double %"q.h6", double %"r", double 0x3fc5555555555564)
  %"q.h8" = call double @"llvm.fmuladd.f64"(double %"q.h7", double %"r", double 0x3fe0000000000001)
  %"r2" = fmul double %"r", %"r"
  %"p" = call double @"llvm.fmuladd.f64"(double %"r2", double %"q.h8", double %"r")
  %"expr" = fadd double 0x3ff0000000000000, %"p"
  %"n.a" = ashr i64 %"n.i", 1
  %"n.b" = sub i64 %"n.i", %"n.a"
  %"s.a.biased" = add i64 %"n.a", 1023
  %"s.a.bits" = shl i64 %"s.a.biased", 52
  %"s.a" = bitcast i64 %"s.a.bits" to double
  %"s.b.biased" = add i64 %"n.b", 1023
  %"s.b.bits" = shl i64 %"s.b.biased", 52
  %"s.b" = bitcast i64 %"s.b.bits" to double
  %"y.sa" = fmul double %"expr", %"s.a"
  %"exp" = fmul double %"y.sa", %"s.b"
  ret double %"exp"
}

define internal double @"symgrad.log.f64"(double %"x") alwaysinline nounwind readnone
{
entry:
  %"subnormal" = fcmp olt double %"x", 0x10000000000000
  %".3" = fmul double %"x", 0x4350000000000000
  %"xs" = select  i1 %"subnormal", double %".3", double %"x"
  %"k.extra" = select  i1 %"subnormal", i64 -54, i64 0
  %"u.bits" = bitcast double %"xs" to i64
  %".4" = bitcast double 0x3fe6a09e667f3bcd to i64
  %"tmp" = sub i64 %"u.bits", %".4"
  %"k" = ashr i64 %"tmp", 52
  %".5" = shl i64 %"k", 52
  %"z.bits" = sub i64 %"u.bits", %".5"
  %"z" = bitcast i64 %"z.bits" to double
  %"k.total" = add i64 %"k", %"k.extra"
  %"dk" = sitofp i64 %"k.total" to double
  %"f" = fsub double %"z", 0x3ff0000000000000
  %"2+f" = fadd double 0x4000000000000000, %"f"
  %"s" = fdiv double %"f", %"2+f"
  %"w" = fmul double %"s", %"s"
  %"R.h0" = call double @"llvm.fmuladd.f64"(double 0x3fc2b662bf7004a4, double %"w", double 0x3fc39fd33ea2fb4a)
  %"R.h1" = call double @"llvm.fmuladd.f64"(double %"R.h0", double %"w", double 0x3fc7462be2d8cb77)
  %"R.h2" = call double @"llvm.fmuladd.f64"(double %"R.h1", double %"w", double 0x3fcc71c62c2127cf)
  %"R.h3" = call double @"llvm.fmuladd.f64"(double %"R.h2", double %"w", double 0x3fd2492492e0f0a4)
  %"R.h4" = call double @"llvm.fmuladd.f64"(double %"R.h3", double %"w", double 0x3fd99999999951be)
  %"R.h5" = call double @"llvm.fmuladd.f64"(double %"R.h4", double %"w", double 0x3fe5555555555558)
  %"R" = fmul double %"w", %"R.h5"
  %".6" = fmul double 0x3fe0000000000000, %"f"
  %"hfsq" = fmul double %".6", %"f"
  %"k.lo" = fmul double %"dk", 0x3dea39ef35793c76
  %".7" = fadd double %"hfsq", %"R"
  %".8" = call double @"llvm.fmuladd.f64"(double %"s", double %".7", double %"k.lo")
  %"inner" = fsub double %"hfsq", %".8"
  %".9" = fsub double %"inner", %"f"
  %".10" = fneg double %".9"
  %"log" = call double @"llvm.fmuladd.f64"(double %"dk", double 0x3fe62e42fee00000, double %".10")
  %".11" = fcmp oeq double %"x", 0x7ff0000000000000
  %"log.inf" = select  i1 %".11", double %"x", double %"log"
  %".12" = fcmp oeq double %"x",              0x0
  %"log.zero" = select  i1 %".12", double 0xfff0000000000000, double %"log.inf"
  %".13" = fcmp ult double %"x",              0x0
  %"log.1" = select  i1 %".13", double 0x7ff8000000000000, double %"log.zero"
  ret double %"log.1"
}

define internal void @"region2.body.omp"(ptr %".1") nounwind
{
entry:
  %".3" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %".4" = load ptr, ptr %".3"
  %".5" = getelementptr inbounds ptr, ptr %".4", i64 21
  %".6" = load i32 ()*, ptr %".5"
  %".7" = getelementptr inbounds ptr, ptr %".4", i64 22
  %".8" = load i32 ()*, ptr %".7"
  %".9" = call i32 %".6"()
  %"t" = sext i32 %".9" to i64
  %".10" = call i32 %".8"()
  %"nt" = sext i32 %".10" to i64
  %".11" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [2 x double], [16 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".11"
  br label %"head"
head:
  %"c" = phi  i64 [%"t", %"entry"], [%".16", %"loop"]
  %".13" = icmp slt i64 %"c", %"chunks"
  br i1 %".13", label %"loop", label %"done"
loop:
  call void @"region2.body"(ptr %".1", i64 %"c")
  %".16" = add i64 %"c", %"nt"
  br label %"head"
done:
  ret void
}

define internal void @"region3.body"(ptr %".1", i64 %".2") nounwind
{
allocas:
  br label %"entry"
entry:
  %".4" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %"slots" = load ptr, ptr %".4"
  %".5" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 1
  %"dims" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_W1" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_W2" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_X" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_Y" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_b1" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_b2" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t18" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t36" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t34" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t29" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t25" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t5" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t1" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t27" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t3" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t4" = load ptr, ptr %".22"
  %".23" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t12" = load ptr, ptr %".23"
  %".24" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t24" = load ptr, ptr %".24"
  %".25" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"buf_t33" = load ptr, ptr %".25"
  %".26" = getelementptr inbounds ptr, ptr %"slots", i64 18
  %"buf_status" = load ptr, ptr %".26"
  %".27" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 2
  %"rows" = load i64, ptr %".27"
  %".28" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".28"
  %".29" = mul i64 %"rows", %".2"
  %"lo" = udiv i64 %".29", %"chunks"
  %".30" = add i64 %".2", 1
  %".31" = mul i64 %"rows", %".30"
  %"hi" = udiv i64 %".31", %"chunks"
  %".32" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 4
  %"scratch" = load ptr, ptr %".32"
  %".33" = icmp eq i64 %".2", 0
  %".34" = sub i64 %".2", 1
  %".35" = mul i64 %".34", 4
  %".36" = add i64 %".35", 0
  %".37" = getelementptr double, ptr %"scratch", i64 %".36"
  %"t34.part" = select  i1 %".33", ptr %"buf_t34", ptr %".37"
  %".38" = mul i64 1, 4
  br label %"z.t34.head"
z.t34.head:
  %"z.t34" = phi  i64 [0, %"entry"], [%".44", %"z.t34.body"]
  %".40" = icmp slt i64 %"z.t34", %".38"
  br i1 %".40", label %"z.t34.body", label %"z.t34.done"
z.t34.body:
  %".42" = getelementptr inbounds double, ptr %"t34.part", i64 %"z.t34"
  store double              0x0, ptr %".42"
  %".44" = add nuw nsw i64 %"z.t34", 1
  br label %"z.t34.head"
z.t34.done:
  br label %"region3.rows.head"
region3.rows.head:
  %"region3.rows" = phi  i64 [%"lo", %"z.t34.done"], [%".77", %"ct30.done"]
  %".47" = icmp slt i64 %"region3.rows", %"hi"
  br i1 %".47", label %"region3.rows.body", label %"region3.rows.done"
region3.rows.body:
  br label %"ct30.head"
region3.rows.done:
  ret void
ct30.head:
  %"ct30" = phi  i64 [0, %"region3.rows.body"], [%".75", %"ct30.body"]
  %".50" = icmp slt i64 %"ct30", 4
  br i1 %".50", label %"ct30.body", label %"ct30.done"
ct30.body:
  %".52" = mul nsw i64 %"region3.rows", 4
  %".53" = add nsw i64 %".52", %"ct30"
  %".54" = getelementptr inbounds double, ptr %"buf_t3", i64 %".53"
  %"t3" = load double, ptr %".54"
  %".55" = mul nsw i64 %"region3.rows", 4
  %".56" = add nsw i64 %".55", %"ct30"
  %".57" = getelementptr inbounds double, ptr %"buf_t3", i64 %".56"
  %"t3.1" = load double, ptr %".57"
  %".58" = fmul double %"t3", %"t3.1"
  %".59" = fneg double %".58"
  %".60" = fadd double 0x3ff0000000000000, %".59"
  %".61" = mul nsw i64 %"region3.rows", 4
  %".62" = add nsw i64 %".61", %"ct30"
  %".63" = getelementptr inbounds double, ptr %"buf_t27", i64 %".62"
  %"t27" = load double, ptr %".63"
  %".64" = fmul double %"t27", %".60"
  %".65" = mul nsw i64 %"region3.rows", 4
  %".66" = add nsw i64 %".65", %"ct30"
  %".67" = getelementptr inbounds double, ptr %"buf_t33", i64 %".66"
  store double %".64", ptr %".67"
  %".69" = mul nsw i64 0, 4
  %".70" = add nsw i64 %".69", %"ct30"
  %".71" = getelementptr inbounds double, ptr %"t34.part", i64 %".70"
  %".72" = load double, ptr %".71"
  %".73" = fadd double %".72", %".64"
  store double %".73", ptr %".71"
  %".75" = add nuw nsw i64 %"ct30", 1
  br label %"ct30.head"
ct30.done:
  %".77" = add nuw nsw i64 %"region3.rows", 1
  br label %"region3.rows.head"
}

define internal void @"region3.body.omp"(ptr %".1") nounwind
{
entry:
  %".3" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 0
  %".4" = load ptr, ptr %".3"
  %".5" = getelementptr inbounds ptr, ptr %".4", i64 21
  %".6" = load i32 ()*, ptr %".5"
  %".7" = getelementptr inbounds ptr, ptr %".4", i64 22
  %".8" = load i32 ()*, ptr %".7"
  %".9" = call i32 %".6"()
  %"t" = sext i32 %".9" to i64
  %".10" = call i32 %".8"()
  %"nt" = sext i32 %".10" to i64
  %".11" = getelementptr inbounds {ptr, ptr, i64, i64, ptr, [1 x double], [1 x double], [8 x i8]}, ptr %".1", i32 0, i32 3
  %"chunks" = load i64, ptr %".11"
  br label %"head"
head:
  %"c" = phi  i64 [%"t", %"entry"], [%".16", %"loop"]
  %".13" = icmp slt i64 %"c", %"chunks"
  br i1 %".13", label %"loop", label %"done"
loop:
  call void @"region3.body"(ptr %".1", i64 %"c")
  %".16" = add i64 %"c", %"nt"
  br label %"head"
done:
  ret void
}
