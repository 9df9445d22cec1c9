; ModuleID = "symgrad_nd_a428749fa69b"
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
  %"acc.t12" = alloca double
  %"acc.t14" = alloca double
  %"acc.t20" = alloca double
  %"acc.t32" = alloca double
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
  br label %"entry"
entry:
  %".4" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".4"
  %".5" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_b" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_w" = load ptr, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_x" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_t2" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_t6" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_t10" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t12" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t14" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t20" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t30" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t31" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t32" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t33" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t36" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t38" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".20"
  br label %"t2.0.head"
t2.0.head:
  %"t2.i0" = phi  i64 [0, %"entry"], [%".105", %"t2.1.done"]
  %".22" = icmp slt i64 %"t2.i0", %"N"
  br i1 %".22", label %"t2.0.body", label %"t2.0.done"
t2.0.body:
  br label %"t2.1.head"
t2.0.done:
  store i8 84, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".111" = trunc i64 2 to i32
  store i32 %".111", i32* %"m"
  %".113" = mul i64 16, %"N"
  %".114" = trunc i64 %".113" to i32
  store i32 %".114", i32* %"n"
  %".116" = trunc i64 9 to i32
  store i32 %".116", i32* %"k"
  %".118" = icmp slt i64 9, 1
  %".119" = select  i1 %".118", i64 1, i64 9
  %".120" = trunc i64 %".119" to i32
  store i32 %".120", i32* %"lda"
  %".122" = icmp slt i64 9, 1
  %".123" = select  i1 %".122", i64 1, i64 9
  %".124" = trunc i64 %".123" to i32
  store i32 %".124", i32* %"ldb"
  %".126" = icmp slt i64 2, 1
  %".127" = select  i1 %".126", i64 1, i64 2
  %".128" = trunc i64 %".127" to i32
  store i32 %".128", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_w", i32* %"lda", ptr %"buf_t2", i32* %"ldb", double* %"beta", ptr %"buf_t6", i32* %"ldc")
  br label %"t10.0.head"
t2.1.head:
  %"t2.i1" = phi  i64 [0, %"t2.0.body"], [%".103", %"t2.2.done"]
  %".25" = icmp slt i64 %"t2.i1", 4
  br i1 %".25", label %"t2.1.body", label %"t2.1.done"
t2.1.body:
  br label %"t2.2.head"
t2.1.done:
  %".105" = add nsw i64 %"t2.i0", 1
  br label %"t2.0.head"
t2.2.head:
  %"t2.i2" = phi  i64 [0, %"t2.1.body"], [%".101", %"t2.3.done"]
  %".28" = icmp slt i64 %"t2.i2", 4
  br i1 %".28", label %"t2.2.body", label %"t2.2.done"
t2.2.body:
  br label %"t2.3.head"
t2.2.done:
  %".103" = add nsw i64 %"t2.i1", 1
  br label %"t2.1.head"
t2.3.head:
  %"t2.i3" = phi  i64 [0, %"t2.2.body"], [%".99", %"t2.4.done"]
  %".31" = icmp slt i64 %"t2.i3", 1
  br i1 %".31", label %"t2.3.body", label %"t2.3.done"
t2.3.body:
  br label %"t2.4.head"
t2.3.done:
  %".101" = add nsw i64 %"t2.i2", 1
  br label %"t2.2.head"
t2.4.head:
  %"t2.i4" = phi  i64 [0, %"t2.3.body"], [%".97", %"t2.5.done"]
  %".34" = icmp slt i64 %"t2.i4", 3
  br i1 %".34", label %"t2.4.body", label %"t2.4.done"
t2.4.body:
  br label %"t2.5.head"
t2.4.done:
  %".99" = add nsw i64 %"t2.i3", 1
  br label %"t2.3.head"
t2.5.head:
  %"t2.i5" = phi  i64 [0, %"t2.4.body"], [%".95", %"t2.5.body"]
  %".37" = icmp slt i64 %"t2.i5", 3
  br i1 %".37", label %"t2.5.body", label %"t2.5.done"
t2.5.body:
  %".39" = mul i64 1, 3
  %".40" = mul i64 %".39", 3
  %".41" = mul i64 %".40", 1
  %".42" = mul i64 %".41", 4
  %".43" = mul i64 %".42", 4
  %".44" = mul i64 %".43", %"N"
  %".45" = mul i64 %"t2.i0", %".43"
  %".46" = add i64 0, %".45"
  %".47" = mul i64 %"t2.i1", %".42"
  %".48" = add i64 %".46", %".47"
  %".49" = mul i64 %"t2.i2", %".41"
  %".50" = add i64 %".48", %".49"
  %".51" = mul i64 %"t2.i3", %".40"
  %".52" = add i64 %".50", %".51"
  %".53" = mul i64 %"t2.i4", %".39"
  %".54" = add i64 %".52", %".53"
  %".55" = mul i64 %"t2.i5", 1
  %".56" = add i64 %".54", %".55"
  %".57" = mul i64 %"t2.i1", 1
  %".58" = add i64 %".57", %"t2.i4"
  %".59" = mul i64 %"t2.i2", 1
  %".60" = add i64 %".59", %"t2.i5"
  %".61" = sub i64 %".58", 1
  %".62" = icmp sge i64 %".61", 0
  %".63" = icmp slt i64 %".61", 4
  %".64" = and i1 %".62", %".63"
  %".65" = sub i64 4, 1
  %".66" = icmp slt i64 %".61", 0
  %".67" = select  i1 %".66", i64 0, i64 %".61"
  %".68" = icmp sgt i64 %".67", %".65"
  %".69" = select  i1 %".68", i64 %".65", i64 %".67"
  %".70" = sub i64 %".60", 1
  %".71" = icmp sge i64 %".70", 0
  %".72" = icmp slt i64 %".70", 4
  %".73" = and i1 %".71", %".72"
  %".74" = and i1 %".64", %".73"
  %".75" = sub i64 4, 1
  %".76" = icmp slt i64 %".70", 0
  %".77" = select  i1 %".76", i64 0, i64 %".70"
  %".78" = icmp sgt i64 %".77", %".75"
  %".79" = select  i1 %".78", i64 %".75", i64 %".77"
  %".80" = mul i64 1, 4
  %".81" = mul i64 %".80", 4
  %".82" = mul i64 %".81", 1
  %".83" = mul i64 %".82", %"N"
  %".84" = mul i64 %"t2.i0", %".82"
  %".85" = add i64 0, %".84"
  %".86" = mul i64 %".69", %".80"
  %".87" = add i64 %".85", %".86"
  %".88" = mul i64 %".79", 1
  %".89" = add i64 %".87", %".88"
  %".90" = getelementptr inbounds double, ptr %"buf_x", i64 %".89"
  %".91" = load double, ptr %".90"
  %".92" = select  i1 %".74", double %".91", double              0x0
  %".93" = getelementptr inbounds double, ptr %"buf_t2", i64 %".56"
  store double %".92", ptr %".93"
  %".95" = add nsw i64 %"t2.i5", 1
  br label %"t2.5.head"
t2.5.done:
  %".97" = add nsw i64 %"t2.i4", 1
  br label %"t2.4.head"
t10.0.head:
  %"t10.i0" = phi  i64 [0, %"t2.0.done"], [%".185", %"t10.1.done"]
  %".132" = icmp slt i64 %"t10.i0", %"N"
  br i1 %".132", label %"t10.0.body", label %"t10.0.done"
t10.0.body:
  br label %"t10.1.head"
t10.0.done:
  br label %"t12.0.head"
t10.1.head:
  %"t10.i1" = phi  i64 [0, %"t10.0.body"], [%".183", %"t10.2.done"]
  %".135" = icmp slt i64 %"t10.i1", 2
  br i1 %".135", label %"t10.1.body", label %"t10.1.done"
t10.1.body:
  br label %"t10.2.head"
t10.1.done:
  %".185" = add nsw i64 %"t10.i0", 1
  br label %"t10.0.head"
t10.2.head:
  %"t10.i2" = phi  i64 [0, %"t10.1.body"], [%".181", %"t10.3.done"]
  %".138" = icmp slt i64 %"t10.i2", 4
  br i1 %".138", label %"t10.2.body", label %"t10.2.done"
t10.2.body:
  br label %"t10.3.head"
t10.2.done:
  %".183" = add nsw i64 %"t10.i1", 1
  br label %"t10.1.head"
t10.3.head:
  %"t10.i3" = phi  i64 [0, %"t10.2.body"], [%".179", %"t10.3.body"]
  %".141" = icmp slt i64 %"t10.i3", 4
  br i1 %".141", label %"t10.3.body", label %"t10.3.done"
t10.3.body:
  %".143" = mul i64 1, 4
  %".144" = mul i64 %".143", 4
  %".145" = mul i64 %".144", 2
  %".146" = mul i64 %".145", %"N"
  %".147" = mul i64 %"t10.i0", %".145"
  %".148" = add i64 0, %".147"
  %".149" = mul i64 %"t10.i1", %".144"
  %".150" = add i64 %".148", %".149"
  %".151" = mul i64 %"t10.i2", %".143"
  %".152" = add i64 %".150", %".151"
  %".153" = mul i64 %"t10.i3", 1
  %".154" = add i64 %".152", %".153"
  %".155" = mul i64 1, 1
  %".156" = mul i64 %".155", 1
  %".157" = mul i64 %".156", 2
  %".158" = mul i64 %"t10.i1", %".156"
  %".159" = add i64 0, %".158"
  %".160" = getelementptr inbounds double, ptr %"buf_b", i64 %".159"
  %".161" = load double, ptr %".160"
  %".162" = mul i64 1, 2
  %".163" = mul i64 %".162", 4
  %".164" = mul i64 %".163", 4
  %".165" = mul i64 %".164", %"N"
  %".166" = mul i64 %"t10.i0", %".164"
  %".167" = add i64 0, %".166"
  %".168" = mul i64 %"t10.i2", %".163"
  %".169" = add i64 %".167", %".168"
  %".170" = mul i64 %"t10.i3", %".162"
  %".171" = add i64 %".169", %".170"
  %".172" = mul i64 %"t10.i1", 1
  %".173" = add i64 %".171", %".172"
  %".174" = getelementptr inbounds double, ptr %"buf_t6", i64 %".173"
  %".175" = load double, ptr %".174"
  %".176" = fadd double %".161", %".175"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".176")
  %".177" = getelementptr inbounds double, ptr %"buf_t10", i64 %".154"
  store double %"tanh", ptr %".177"
  %".179" = add nsw i64 %"t10.i3", 1
  br label %"t10.3.head"
t10.3.done:
  %".181" = add nsw i64 %"t10.i2", 1
  br label %"t10.2.head"
t12.0.head:
  %"t12.i0" = phi  i64 [0, %"t10.0.done"], [%".253", %"t12.1.done"]
  %".188" = icmp slt i64 %"t12.i0", %"N"
  br i1 %".188", label %"t12.0.body", label %"t12.0.done"
t12.0.body:
  br label %"t12.1.head"
t12.0.done:
  store double              0x0, double* %"acc.t14"
  br label %"t14.r.0.head"
t12.1.head:
  %"t12.i1" = phi  i64 [0, %"t12.0.body"], [%".251", %"t12.2.done"]
  %".191" = icmp slt i64 %"t12.i1", 2
  br i1 %".191", label %"t12.1.body", label %"t12.1.done"
t12.1.body:
  br label %"t12.2.head"
t12.1.done:
  %".253" = add nsw i64 %"t12.i0", 1
  br label %"t12.0.head"
t12.2.head:
  %"t12.i2" = phi  i64 [0, %"t12.1.body"], [%".249", %"t12.3.done"]
  %".194" = icmp slt i64 %"t12.i2", 2
  br i1 %".194", label %"t12.2.body", label %"t12.2.done"
t12.2.body:
  br label %"t12.3.head"
t12.2.done:
  %".251" = add nsw i64 %"t12.i1", 1
  br label %"t12.1.head"
t12.3.head:
  %"t12.i3" = phi  i64 [0, %"t12.2.body"], [%".247", %"t12.r.0.done"]
  %".197" = icmp slt i64 %"t12.i3", 2
  br i1 %".197", label %"t12.3.body", label %"t12.3.done"
t12.3.body:
  store double 0xfff0000000000000, double* %"acc.t12"
  br label %"t12.r.0.head"
t12.3.done:
  %".249" = add nsw i64 %"t12.i2", 1
  br label %"t12.2.head"
t12.r.0.head:
  %"t12.r.i0" = phi  i64 [0, %"t12.3.body"], [%".230", %"t12.r.1.done"]
  %".201" = icmp slt i64 %"t12.r.i0", 2
  br i1 %".201", label %"t12.r.0.body", label %"t12.r.0.done"
t12.r.0.body:
  br label %"t12.r.1.head"
t12.r.0.done:
  %".232" = mul i64 1, 2
  %".233" = mul i64 %".232", 2
  %".234" = mul i64 %".233", 2
  %".235" = mul i64 %".234", %"N"
  %".236" = mul i64 %"t12.i0", %".234"
  %".237" = add i64 0, %".236"
  %".238" = mul i64 %"t12.i1", %".233"
  %".239" = add i64 %".237", %".238"
  %".240" = mul i64 %"t12.i2", %".232"
  %".241" = add i64 %".239", %".240"
  %".242" = mul i64 %"t12.i3", 1
  %".243" = add i64 %".241", %".242"
  %".244" = load double, double* %"acc.t12"
  %".245" = getelementptr inbounds double, ptr %"buf_t12", i64 %".243"
  store double %".244", ptr %".245"
  %".247" = add nsw i64 %"t12.i3", 1
  br label %"t12.3.head"
t12.r.1.head:
  %"t12.r.i1" = phi  i64 [0, %"t12.r.0.body"], [%".228", %"t12.r.1.body"]
  %".204" = icmp slt i64 %"t12.r.i1", 2
  br i1 %".204", label %"t12.r.1.body", label %"t12.r.1.done"
t12.r.1.body:
  %".206" = mul i64 %"t12.i2", 2
  %".207" = add i64 %".206", %"t12.r.i0"
  %".208" = mul i64 %"t12.i3", 2
  %".209" = add i64 %".208", %"t12.r.i1"
  %".210" = mul i64 1, 4
  %".211" = mul i64 %".210", 4
  %".212" = mul i64 %".211", 2
  %".213" = mul i64 %".212", %"N"
  %".214" = mul i64 %"t12.i0", %".212"
  %".215" = add i64 0, %".214"
  %".216" = mul i64 %"t12.i1", %".211"
  %".217" = add i64 %".215", %".216"
  %".218" = mul i64 %".207", %".210"
  %".219" = add i64 %".217", %".218"
  %".220" = mul i64 %".209", 1
  %".221" = add i64 %".219", %".220"
  %".222" = getelementptr inbounds double, ptr %"buf_t10", i64 %".221"
  %".223" = load double, ptr %".222"
  %".224" = load double, double* %"acc.t12"
  %".225" = fcmp oge double %".223", %".224"
  %"isnan" = fcmp uno double %".223", %".223"
  %".226" = or i1 %".225", %"isnan"
  %"max" = select  i1 %".226", double %".223", double %".224"
  store double %"max", double* %"acc.t12"
  %".228" = add nsw i64 %"t12.r.i1", 1
  br label %"t12.r.1.head"
t12.r.1.done:
  %".230" = add nsw i64 %"t12.r.i0", 1
  br label %"t12.r.0.head"
t14.r.0.head:
  %"t14.r.i0" = phi  i64 [0, %"t12.0.done"], [%".306", %"t14.r.1.done"]
  %".257" = icmp slt i64 %"t14.r.i0", %"N"
  br i1 %".257", label %"t14.r.0.body", label %"t14.r.0.done"
t14.r.0.body:
  br label %"t14.r.1.head"
t14.r.0.done:
  %".308" = load double, double* %"acc.t14"
  %".309" = getelementptr inbounds double, ptr %"buf_t14", i64 0
  store double %".308", ptr %".309"
  br label %"t20.0.head"
t14.r.1.head:
  %"t14.r.i1" = phi  i64 [0, %"t14.r.0.body"], [%".304", %"t14.r.2.done"]
  %".260" = icmp slt i64 %"t14.r.i1", 2
  br i1 %".260", label %"t14.r.1.body", label %"t14.r.1.done"
t14.r.1.body:
  br label %"t14.r.2.head"
t14.r.1.done:
  %".306" = add nsw i64 %"t14.r.i0", 1
  br label %"t14.r.0.head"
t14.r.2.head:
  %"t14.r.i2" = phi  i64 [0, %"t14.r.1.body"], [%".302", %"t14.r.3.done"]
  %".263" = icmp slt i64 %"t14.r.i2", 2
  br i1 %".263", label %"t14.r.2.body", label %"t14.r.2.done"
t14.r.2.body:
  br label %"t14.r.3.head"
t14.r.2.done:
  %".304" = add nsw i64 %"t14.r.i1", 1
  br label %"t14.r.1.head"
t14.r.3.head:
  %"t14.r.i3" = phi  i64 [0, %"t14.r.2.body"], [%".300", %"t14.r.3.body"]
  %".266" = icmp slt i64 %"t14.r.i3", 2
  br i1 %".266", label %"t14.r.3.body", label %"t14.r.3.done"
t14.r.3.body:
  %".268" = mul i64 1, 2
  %".269" = mul i64 %".268", 2
  %".270" = mul i64 %".269", 2
  %".271" = mul i64 %".270", %"N"
  %".272" = mul i64 %"t14.r.i0", %".270"
  %".273" = add i64 0, %".272"
  %".274" = mul i64 %"t14.r.i1", %".269"
  %".275" = add i64 %".273", %".274"
  %".276" = mul i64 %"t14.r.i2", %".268"
  %".277" = add i64 %".275", %".276"
  %".278" = mul i64 %"t14.r.i3", 1
  %".279" = add i64 %".277", %".278"
  %".280" = getelementptr inbounds double, ptr %"buf_t12", i64 %".279"
  %".281" = load double, ptr %".280"
  %".282" = mul i64 1, 2
  %".283" = mul i64 %".282", 2
  %".284" = mul i64 %".283", 2
  %".285" = mul i64 %".284", %"N"
  %".286" = mul i64 %"t14.r.i0", %".284"
  %".287" = add i64 0, %".286"
  %".288" = mul i64 %"t14.r.i1", %".283"
  %".289" = add i64 %".287", %".288"
  %".290" = mul i64 %"t14.r.i2", %".282"
  %".291" = add i64 %".289", %".290"
  %".292" = mul i64 %"t14.r.i3", 1
  %".293" = add i64 %".291", %".292"
  %".294" = getelementptr inbounds double, ptr %"buf_t12", i64 %".293"
  %".295" = load double, ptr %".294"
  %".296" = fmul double %".281", %".295"
  %".297" = load double, double* %"acc.t14"
  %".298" = fadd double %".297", %".296"
  store double %".298", double* %"acc.t14"
  %".300" = add nsw i64 %"t14.r.i3", 1
  br label %"t14.r.3.head"
t14.r.3.done:
  %".302" = add nsw i64 %"t14.r.i2", 1
  br label %"t14.r.2.head"
t20.0.head:
  %"t20.i0" = phi  i64 [0, %"t14.r.0.done"], [%".414", %"t20.1.done"]
  %".312" = icmp slt i64 %"t20.i0", %"N"
  br i1 %".312", label %"t20.0.body", label %"t20.0.done"
t20.0.body:
  br label %"t20.1.head"
t20.0.done:
  br label %"t30.0.head"
t20.1.head:
  %"t20.i1" = phi  i64 [0, %"t20.0.body"], [%".412", %"t20.2.done"]
  %".315" = icmp slt i64 %"t20.i1", 2
  br i1 %".315", label %"t20.1.body", label %"t20.1.done"
t20.1.body:
  br label %"t20.2.head"
t20.1.done:
  %".414" = add nsw i64 %"t20.i0", 1
  br label %"t20.0.head"
t20.2.head:
  %"t20.i2" = phi  i64 [0, %"t20.1.body"], [%".410", %"t20.3.done"]
  %".318" = icmp slt i64 %"t20.i2", 2
  br i1 %".318", label %"t20.2.body", label %"t20.2.done"
t20.2.body:
  br label %"t20.3.head"
t20.2.done:
  %".412" = add nsw i64 %"t20.i1", 1
  br label %"t20.1.head"
t20.3.head:
  %"t20.i3" = phi  i64 [0, %"t20.2.body"], [%".408", %"t20.4.done"]
  %".321" = icmp slt i64 %"t20.i3", 2
  br i1 %".321", label %"t20.3.body", label %"t20.3.done"
t20.3.body:
  br label %"t20.4.head"
t20.3.done:
  %".410" = add nsw i64 %"t20.i2", 1
  br label %"t20.2.head"
t20.4.head:
  %"t20.i4" = phi  i64 [0, %"t20.3.body"], [%".406", %"t20.5.done"]
  %".324" = icmp slt i64 %"t20.i4", 1
  br i1 %".324", label %"t20.4.body", label %"t20.4.done"
t20.4.body:
  br label %"t20.5.head"
t20.4.done:
  %".408" = add nsw i64 %"t20.i3", 1
  br label %"t20.3.head"
t20.5.head:
  %"t20.i5" = phi  i64 [0, %"t20.4.body"], [%".404", %"t20.r.0.done"]
  %".327" = icmp slt i64 %"t20.i5", 1
  br i1 %".327", label %"t20.5.body", label %"t20.5.done"
t20.5.body:
  store double              0x0, double* %"acc.t20"
  br label %"t20.r.0.head"
t20.5.done:
  %".406" = add nsw i64 %"t20.i4", 1
  br label %"t20.4.head"
t20.r.0.head:
  %"t20.r.i0" = phi  i64 [0, %"t20.5.body"], [%".381", %"t20.r.1.done"]
  %".331" = icmp slt i64 %"t20.r.i0", 2
  br i1 %".331", label %"t20.r.0.body", label %"t20.r.0.done"
t20.r.0.body:
  br label %"t20.r.1.head"
t20.r.0.done:
  %".383" = mul i64 1, 1
  %".384" = mul i64 %".383", 1
  %".385" = mul i64 %".384", 2
  %".386" = mul i64 %".385", 2
  %".387" = mul i64 %".386", 2
  %".388" = mul i64 %".387", %"N"
  %".389" = mul i64 %"t20.i0", %".387"
  %".390" = add i64 0, %".389"
  %".391" = mul i64 %"t20.i1", %".386"
  %".392" = add i64 %".390", %".391"
  %".393" = mul i64 %"t20.i2", %".385"
  %".394" = add i64 %".392", %".393"
  %".395" = mul i64 %"t20.i3", %".384"
  %".396" = add i64 %".394", %".395"
  %".397" = mul i64 %"t20.i4", %".383"
  %".398" = add i64 %".396", %".397"
  %".399" = mul i64 %"t20.i5", 1
  %".400" = add i64 %".398", %".399"
  %".401" = load double, double* %"acc.t20"
  %".402" = getelementptr inbounds double, ptr %"buf_t20", i64 %".400"
  store double %".401", ptr %".402"
  %".404" = add nsw i64 %"t20.i5", 1
  br label %"t20.5.head"
t20.r.1.head:
  %"t20.r.i1" = phi  i64 [0, %"t20.r.0.body"], [%".379", %"t20.r.1.body"]
  %".334" = icmp slt i64 %"t20.r.i1", 2
  br i1 %".334", label %"t20.r.1.body", label %"t20.r.1.done"
t20.r.1.body:
  %".336" = mul i64 %"t20.i2", 2
  %".337" = add i64 %".336", %"t20.r.i0"
  %".338" = mul i64 %"t20.i3", 2
  %".339" = add i64 %".338", %"t20.r.i1"
  %".340" = mul i64 1, 4
  %".341" = mul i64 %".340", 4
  %".342" = mul i64 %".341", 2
  %".343" = mul i64 %".342", %"N"
  %".344" = mul i64 %"t20.i0", %".342"
  %".345" = add i64 0, %".344"
  %".346" = mul i64 %"t20.i1", %".341"
  %".347" = add i64 %".345", %".346"
  %".348" = mul i64 %".337", %".340"
  %".349" = add i64 %".347", %".348"
  %".350" = mul i64 %".339", 1
  %".351" = add i64 %".349", %".350"
  %".352" = getelementptr inbounds double, ptr %"buf_t10", i64 %".351"
  %".353" = load double, ptr %".352"
  %".354" = mul i64 1, 1
  %".355" = mul i64 %".354", 1
  %".356" = mul i64 %".355", 2
  %".357" = mul i64 %".356", 2
  %".358" = mul i64 %".357", 2
  %".359" = mul i64 %".358", %"N"
  %".360" = mul i64 %"t20.i0", %".358"
  %".361" = add i64 0, %".360"
  %".362" = mul i64 %"t20.i1", %".357"
  %".363" = add i64 %".361", %".362"
  %".364" = mul i64 %"t20.i2", %".356"
  %".365" = add i64 %".363", %".364"
  %".366" = mul i64 %"t20.i3", %".355"
  %".367" = add i64 %".365", %".366"
  %".368" = mul i64 0, %".354"
  %".369" = add i64 %".367", %".368"
  %".370" = mul i64 0, 1
  %".371" = add i64 %".369", %".370"
  %".372" = getelementptr inbounds double, ptr %"buf_t12", i64 %".371"
  %".373" = load double, ptr %".372"
  %".374" = fcmp oeq double %".353", %".373"
  %".375" = select  i1 %".374", double 0x3ff0000000000000, double              0x0
  %".376" = load double, double* %"acc.t20"
  %".377" = fadd double %".376", %".375"
  store double %".377", double* %"acc.t20"
  %".379" = add nsw i64 %"t20.r.i1", 1
  br label %"t20.r.1.head"
t20.r.1.done:
  %".381" = add nsw i64 %"t20.r.i0", 1
  br label %"t20.r.0.head"
t30.0.head:
  %"t30.i0" = phi  i64 [0, %"t20.0.done"], [%".567", %"t30.1.done"]
  %".417" = icmp slt i64 %"t30.i0", %"N"
  br i1 %".417", label %"t30.0.body", label %"t30.0.done"
t30.0.body:
  br label %"t30.1.head"
t30.0.done:
  br label %"t31.init.0.head"
t30.1.head:
  %"t30.i1" = phi  i64 [0, %"t30.0.body"], [%".565", %"t30.2.done"]
  %".420" = icmp slt i64 %"t30.i1", 2
  br i1 %".420", label %"t30.1.body", label %"t30.1.done"
t30.1.body:
  br label %"t30.2.head"
t30.1.done:
  %".567" = add nsw i64 %"t30.i0", 1
  br label %"t30.0.head"
t30.2.head:
  %"t30.i2" = phi  i64 [0, %"t30.1.body"], [%".563", %"t30.3.done"]
  %".423" = icmp slt i64 %"t30.i2", 4
  br i1 %".423", label %"t30.2.body", label %"t30.2.done"
t30.2.body:
  br label %"t30.3.head"
t30.2.done:
  %".565" = add nsw i64 %"t30.i1", 1
  br label %"t30.1.head"
t30.3.head:
  %"t30.i3" = phi  i64 [0, %"t30.2.body"], [%".561", %"t30.3.body"]
  %".426" = icmp slt i64 %"t30.i3", 4
  br i1 %".426", label %"t30.3.body", label %"t30.3.done"
t30.3.body:
  %".428" = mul i64 1, 4
  %".429" = mul i64 %".428", 4
  %".430" = mul i64 %".429", 2
  %".431" = mul i64 %".430", %"N"
  %".432" = mul i64 %"t30.i0", %".430"
  %".433" = add i64 0, %".432"
  %".434" = mul i64 %"t30.i1", %".429"
  %".435" = add i64 %".433", %".434"
  %".436" = mul i64 %"t30.i2", %".428"
  %".437" = add i64 %".435", %".436"
  %".438" = mul i64 %"t30.i3", 1
  %".439" = add i64 %".437", %".438"
  %".440" = udiv i64 %"t30.i2", 2
  %".441" = icmp slt i64 %".440", 2
  %".442" = select  i1 %".441", i64 %".440", i64 1
  %".443" = urem i64 %"t30.i2", 2
  %".444" = udiv i64 %"t30.i3", 2
  %".445" = icmp slt i64 %".444", 2
  %".446" = select  i1 %".445", i64 %".444", i64 1
  %".447" = urem i64 %"t30.i3", 2
  %".448" = and i1 %".441", %".445"
  %".449" = mul i64 0, 1
  %".450" = add i64 %".449", 0
  %".451" = mul i64 0, 1
  %".452" = add i64 %".451", 0
  %".453" = mul i64 1, 2
  %".454" = mul i64 %".453", 2
  %".455" = mul i64 %".454", 2
  %".456" = mul i64 %".455", %"N"
  %".457" = mul i64 %"t30.i0", %".455"
  %".458" = add i64 0, %".457"
  %".459" = mul i64 %"t30.i1", %".454"
  %".460" = add i64 %".458", %".459"
  %".461" = mul i64 %".442", %".453"
  %".462" = add i64 %".460", %".461"
  %".463" = mul i64 %".446", 1
  %".464" = add i64 %".462", %".463"
  %".465" = getelementptr inbounds double, ptr %"buf_t12", i64 %".464"
  %".466" = load double, ptr %".465"
  %".467" = fmul double %".466", 0x4000000000000000
  %".468" = mul i64 1, 1
  %".469" = mul i64 %".468", 1
  %".470" = mul i64 %".469", 2
  %".471" = mul i64 %".470", 2
  %".472" = mul i64 %".471", 2
  %".473" = mul i64 %".472", %"N"
  %".474" = mul i64 %"t30.i0", %".472"
  %".475" = add i64 0, %".474"
  %".476" = mul i64 %"t30.i1", %".471"
  %".477" = add i64 %".475", %".476"
  %".478" = mul i64 %".442", %".470"
  %".479" = add i64 %".477", %".478"
  %".480" = mul i64 %".446", %".469"
  %".481" = add i64 %".479", %".480"
  %".482" = getelementptr inbounds double, ptr %"buf_t20", i64 %".481"
  %".483" = load double, ptr %".482"
  %".484" = fdiv double 0x3ff0000000000000, %".483"
  %".485" = fmul double %".467", %".484"
  %".486" = mul i64 %".442", 2
  %".487" = add i64 %".486", %".443"
  %".488" = mul i64 %".446", 2
  %".489" = add i64 %".488", %".447"
  %".490" = mul i64 1, 4
  %".491" = mul i64 %".490", 4
  %".492" = mul i64 %".491", 2
  %".493" = mul i64 %".492", %"N"
  %".494" = mul i64 %"t30.i0", %".492"
  %".495" = add i64 0, %".494"
  %".496" = mul i64 %"t30.i1", %".491"
  %".497" = add i64 %".495", %".496"
  %".498" = mul i64 %".487", %".490"
  %".499" = add i64 %".497", %".498"
  %".500" = mul i64 %".489", 1
  %".501" = add i64 %".499", %".500"
  %".502" = getelementptr inbounds double, ptr %"buf_t10", i64 %".501"
  %".503" = load double, ptr %".502"
  %".504" = mul i64 1, 1
  %".505" = mul i64 %".504", 1
  %".506" = mul i64 %".505", 2
  %".507" = mul i64 %".506", 2
  %".508" = mul i64 %".507", 2
  %".509" = mul i64 %".508", %"N"
  %".510" = mul i64 %"t30.i0", %".508"
  %".511" = add i64 0, %".510"
  %".512" = mul i64 %"t30.i1", %".507"
  %".513" = add i64 %".511", %".512"
  %".514" = mul i64 %".442", %".506"
  %".515" = add i64 %".513", %".514"
  %".516" = mul i64 %".446", %".505"
  %".517" = add i64 %".515", %".516"
  %".518" = mul i64 0, %".504"
  %".519" = add i64 %".517", %".518"
  %".520" = mul i64 0, 1
  %".521" = add i64 %".519", %".520"
  %".522" = getelementptr inbounds double, ptr %"buf_t12", i64 %".521"
  %".523" = load double, ptr %".522"
  %".524" = fcmp oeq double %".503", %".523"
  %".525" = select  i1 %".524", double %".485", double              0x0
  %".526" = select  i1 %".448", double %".525", double              0x0
  %".527" = mul i64 1, 4
  %".528" = mul i64 %".527", 4
  %".529" = mul i64 %".528", 2
  %".530" = mul i64 %".529", %"N"
  %".531" = mul i64 %"t30.i0", %".529"
  %".532" = add i64 0, %".531"
  %".533" = mul i64 %"t30.i1", %".528"
  %".534" = add i64 %".532", %".533"
  %".535" = mul i64 %"t30.i2", %".527"
  %".536" = add i64 %".534", %".535"
  %".537" = mul i64 %"t30.i3", 1
  %".538" = add i64 %".536", %".537"
  %".539" = getelementptr inbounds double, ptr %"buf_t10", i64 %".538"
  %".540" = load double, ptr %".539"
  %".541" = mul i64 1, 4
  %".542" = mul i64 %".541", 4
  %".543" = mul i64 %".542", 2
  %".544" = mul i64 %".543", %"N"
  %".545" = mul i64 %"t30.i0", %".543"
  %".546" = add i64 0, %".545"
  %".547" = mul i64 %"t30.i1", %".542"
  %".548" = add i64 %".546", %".547"
  %".549" = mul i64 %"t30.i2", %".541"
  %".550" = add i64 %".548", %".549"
  %".551" = mul i64 %"t30.i3", 1
  %".552" = add i64 %".550", %".551"
  %".553" = getelementptr inbounds double, ptr %"buf_t10", i64 %".552"
  %".554" = load double, ptr %".553"
  %".555" = fmul double %".540", %".554"
  %".556" = fneg double %".555"
  %".557" = fadd double 0x3ff0000000000000, %".556"
  %".558" = fmul double %".526", %".557"
  %".559" = getelementptr inbounds double, ptr %"buf_t30", i64 %".439"
  store double %".558", ptr %".559"
  %".561" = add nsw i64 %"t30.i3", 1
  br label %"t30.3.head"
t30.3.done:
  %".563" = add nsw i64 %"t30.i2", 1
  br label %"t30.2.head"
t31.init.0.head:
  %"t31.init.i0" = phi  i64 [0, %"t30.0.done"], [%".593", %"t31.init.1.done"]
  %".570" = icmp slt i64 %"t31.init.i0", 2
  br i1 %".570", label %"t31.init.0.body", label %"t31.init.0.done"
t31.init.0.body:
  br label %"t31.init.1.head"
t31.init.0.done:
  br label %"t31.0.head"
t31.init.1.head:
  %"t31.init.i1" = phi  i64 [0, %"t31.init.0.body"], [%".591", %"t31.init.2.done"]
  %".573" = icmp slt i64 %"t31.init.i1", 4
  br i1 %".573", label %"t31.init.1.body", label %"t31.init.1.done"
t31.init.1.body:
  br label %"t31.init.2.head"
t31.init.1.done:
  %".593" = add nsw i64 %"t31.init.i0", 1
  br label %"t31.init.0.head"
t31.init.2.head:
  %"t31.init.i2" = phi  i64 [0, %"t31.init.1.body"], [%".589", %"t31.init.2.body"]
  %".576" = icmp slt i64 %"t31.init.i2", 4
  br i1 %".576", label %"t31.init.2.body", label %"t31.init.2.done"
t31.init.2.body:
  %".578" = mul i64 1, 4
  %".579" = mul i64 %".578", 4
  %".580" = mul i64 %".579", 2
  %".581" = mul i64 %"t31.init.i0", %".579"
  %".582" = add i64 0, %".581"
  %".583" = mul i64 %"t31.init.i1", %".578"
  %".584" = add i64 %".582", %".583"
  %".585" = mul i64 %"t31.init.i2", 1
  %".586" = add i64 %".584", %".585"
  %".587" = getelementptr inbounds double, ptr %"buf_t31", i64 %".586"
  store double              0x0, ptr %".587"
  %".589" = add nsw i64 %"t31.init.i2", 1
  br label %"t31.init.2.head"
t31.init.2.done:
  %".591" = add nsw i64 %"t31.init.i1", 1
  br label %"t31.init.1.head"
t31.0.head:
  %"t31.i0" = phi  i64 [0, %"t31.init.0.done"], [%".640", %"t31.1.done"]
  %".596" = icmp slt i64 %"t31.i0", %"N"
  br i1 %".596", label %"t31.0.body", label %"t31.0.done"
t31.0.body:
  br label %"t31.1.head"
t31.0.done:
  br label %"t32.0.head"
t31.1.head:
  %"t31.i1" = phi  i64 [0, %"t31.0.body"], [%".638", %"t31.2.done"]
  %".599" = icmp slt i64 %"t31.i1", 2
  br i1 %".599", label %"t31.1.body", label %"t31.1.done"
t31.1.body:
  br label %"t31.2.head"
t31.1.done:
  %".640" = add nsw i64 %"t31.i0", 1
  br label %"t31.0.head"
t31.2.head:
  %"t31.i2" = phi  i64 [0, %"t31.1.body"], [%".636", %"t31.3.done"]
  %".602" = icmp slt i64 %"t31.i2", 4
  br i1 %".602", label %"t31.2.body", label %"t31.2.done"
t31.2.body:
  br label %"t31.3.head"
t31.2.done:
  %".638" = add nsw i64 %"t31.i1", 1
  br label %"t31.1.head"
t31.3.head:
  %"t31.i3" = phi  i64 [0, %"t31.2.body"], [%".634", %"t31.3.body"]
  %".605" = icmp slt i64 %"t31.i3", 4
  br i1 %".605", label %"t31.3.body", label %"t31.3.done"
t31.3.body:
  %".607" = mul i64 1, 4
  %".608" = mul i64 %".607", 4
  %".609" = mul i64 %".608", 2
  %".610" = mul i64 %"t31.i1", %".608"
  %".611" = add i64 0, %".610"
  %".612" = mul i64 %"t31.i2", %".607"
  %".613" = add i64 %".611", %".612"
  %".614" = mul i64 %"t31.i3", 1
  %".615" = add i64 %".613", %".614"
  %".616" = mul i64 1, 4
  %".617" = mul i64 %".616", 4
  %".618" = mul i64 %".617", 2
  %".619" = mul i64 %".618", %"N"
  %".620" = mul i64 %"t31.i0", %".618"
  %".621" = add i64 0, %".620"
  %".622" = mul i64 %"t31.i1", %".617"
  %".623" = add i64 %".621", %".622"
  %".624" = mul i64 %"t31.i2", %".616"
  %".625" = add i64 %".623", %".624"
  %".626" = mul i64 %"t31.i3", 1
  %".627" = add i64 %".625", %".626"
  %".628" = getelementptr inbounds double, ptr %"buf_t30", i64 %".627"
  %".629" = load double, ptr %".628"
  %".630" = getelementptr inbounds double, ptr %"buf_t31", i64 %".615"
  %".631" = load double, ptr %".630"
  %".632" = fadd double %".631", %".629"
  store double %".632", ptr %".630"
  %".634" = add nsw i64 %"t31.i3", 1
  br label %"t31.3.head"
t31.3.done:
  %".636" = add nsw i64 %"t31.i2", 1
  br label %"t31.2.head"
t32.0.head:
  %"t32.i0" = phi  i64 [0, %"t31.0.done"], [%".692", %"t32.1.done"]
  %".643" = icmp slt i64 %"t32.i0", 2
  br i1 %".643", label %"t32.0.body", label %"t32.0.done"
t32.0.body:
  br label %"t32.1.head"
t32.0.done:
  br label %"t33.0.head"
t32.1.head:
  %"t32.i1" = phi  i64 [0, %"t32.0.body"], [%".690", %"t32.2.done"]
  %".646" = icmp slt i64 %"t32.i1", 1
  br i1 %".646", label %"t32.1.body", label %"t32.1.done"
t32.1.body:
  br label %"t32.2.head"
t32.1.done:
  %".692" = add nsw i64 %"t32.i0", 1
  br label %"t32.0.head"
t32.2.head:
  %"t32.i2" = phi  i64 [0, %"t32.1.body"], [%".688", %"t32.r.0.done"]
  %".649" = icmp slt i64 %"t32.i2", 1
  br i1 %".649", label %"t32.2.body", label %"t32.2.done"
t32.2.body:
  store double              0x0, double* %"acc.t32"
  br label %"t32.r.0.head"
t32.2.done:
  %".690" = add nsw i64 %"t32.i1", 1
  br label %"t32.1.head"
t32.r.0.head:
  %"t32.r.i0" = phi  i64 [0, %"t32.2.body"], [%".674", %"t32.r.1.done"]
  %".653" = icmp slt i64 %"t32.r.i0", 4
  br i1 %".653", label %"t32.r.0.body", label %"t32.r.0.done"
t32.r.0.body:
  br label %"t32.r.1.head"
t32.r.0.done:
  %".676" = mul i64 1, 1
  %".677" = mul i64 %".676", 1
  %".678" = mul i64 %".677", 2
  %".679" = mul i64 %"t32.i0", %".677"
  %".680" = add i64 0, %".679"
  %".681" = mul i64 %"t32.i1", %".676"
  %".682" = add i64 %".680", %".681"
  %".683" = mul i64 %"t32.i2", 1
  %".684" = add i64 %".682", %".683"
  %".685" = load double, double* %"acc.t32"
  %".686" = getelementptr inbounds double, ptr %"buf_t32", i64 %".684"
  store double %".685", ptr %".686"
  %".688" = add nsw i64 %"t32.i2", 1
  br label %"t32.2.head"
t32.r.1.head:
  %"t32.r.i1" = phi  i64 [0, %"t32.r.0.body"], [%".672", %"t32.r.1.body"]
  %".656" = icmp slt i64 %"t32.r.i1", 4
  br i1 %".656", label %"t32.r.1.body", label %"t32.r.1.done"
t32.r.1.body:
  %".658" = mul i64 1, 4
  %".659" = mul i64 %".658", 4
  %".660" = mul i64 %".659", 2
  %".661" = mul i64 %"t32.i0", %".659"
  %".662" = add i64 0, %".661"
  %".663" = mul i64 %"t32.r.i0", %".658"
  %".664" = add i64 %".662", %".663"
  %".665" = mul i64 %"t32.r.i1", 1
  %".666" = add i64 %".664", %".665"
  %".667" = getelementptr inbounds double, ptr %"buf_t31", i64 %".666"
  %".668" = load double, ptr %".667"
  %".669" = load double, double* %"acc.t32"
  %".670" = fadd double %".669", %".668"
  store double %".670", double* %"acc.t32"
  %".672" = add nsw i64 %"t32.r.i1", 1
  br label %"t32.r.1.head"
t32.r.1.done:
  %".674" = add nsw i64 %"t32.r.i0", 1
  br label %"t32.r.0.head"
t33.0.head:
  %"t33.i0" = phi  i64 [0, %"t32.0.done"], [%".740", %"t33.1.done"]
  %".695" = icmp slt i64 %"t33.i0", %"N"
  br i1 %".695", label %"t33.0.body", label %"t33.0.done"
t33.0.body:
  br label %"t33.1.head"
t33.0.done:
  store i8 78, i8* %"transa.1"
  store i8 84, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".746" = trunc i64 2 to i32
  store i32 %".746", i32* %"m.1"
  %".748" = trunc i64 9 to i32
  store i32 %".748", i32* %"n.1"
  %".750" = mul i64 16, %"N"
  %".751" = trunc i64 %".750" to i32
  store i32 %".751", i32* %"k.1"
  %".753" = icmp slt i64 2, 1
  %".754" = select  i1 %".753", i64 1, i64 2
  %".755" = trunc i64 %".754" to i32
  store i32 %".755", i32* %"lda.1"
  %".757" = icmp slt i64 9, 1
  %".758" = select  i1 %".757", i64 1, i64 9
  %".759" = trunc i64 %".758" to i32
  store i32 %".759", i32* %"ldb.1"
  %".761" = icmp slt i64 2, 1
  %".762" = select  i1 %".761", i64 1, i64 2
  %".763" = trunc i64 %".762" to i32
  store i32 %".763", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_t33", i32* %"lda.1", ptr %"buf_t2", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t36", i32* %"ldc.1")
  br label %"t38.0.head"
t33.1.head:
  %"t33.i1" = phi  i64 [0, %"t33.0.body"], [%".738", %"t33.2.done"]
  %".698" = icmp slt i64 %"t33.i1", 4
  br i1 %".698", label %"t33.1.body", label %"t33.1.done"
t33.1.body:
  br label %"t33.2.head"
t33.1.done:
  %".740" = add nsw i64 %"t33.i0", 1
  br label %"t33.0.head"
t33.2.head:
  %"t33.i2" = phi  i64 [0, %"t33.1.body"], [%".736", %"t33.3.done"]
  %".701" = icmp slt i64 %"t33.i2", 4
  br i1 %".701", label %"t33.2.body", label %"t33.2.done"
t33.2.body:
  br label %"t33.3.head"
t33.2.done:
  %".738" = add nsw i64 %"t33.i1", 1
  br label %"t33.1.head"
t33.3.head:
  %"t33.i3" = phi  i64 [0, %"t33.2.body"], [%".734", %"t33.3.body"]
  %".704" = icmp slt i64 %"t33.i3", 2
  br i1 %".704", label %"t33.3.body", label %"t33.3.done"
t33.3.body:
  %".706" = mul i64 1, 2
  %".707" = mul i64 %".706", 4
  %".708" = mul i64 %".707", 4
  %".709" = mul i64 %".708", %"N"
  %".710" = mul i64 %"t33.i0", %".708"
  %".711" = add i64 0, %".710"
  %".712" = mul i64 %"t33.i1", %".707"
  %".713" = add i64 %".711", %".712"
  %".714" = mul i64 %"t33.i2", %".706"
  %".715" = add i64 %".713", %".714"
  %".716" = mul i64 %"t33.i3", 1
  %".717" = add i64 %".715", %".716"
  %".718" = mul i64 1, 4
  %".719" = mul i64 %".718", 4
  %".720" = mul i64 %".719", 2
  %".721" = mul i64 %".720", %"N"
  %".722" = mul i64 %"t33.i0", %".720"
  %".723" = add i64 0, %".722"
  %".724" = mul i64 %"t33.i3", %".719"
  %".725" = add i64 %".723", %".724"
  %".726" = mul i64 %"t33.i1", %".718"
  %".727" = add i64 %".725", %".726"
  %".728" = mul i64 %"t33.i2", 1
  %".729" = add i64 %".727", %".728"
  %".730" = getelementptr inbounds double, ptr %"buf_t30", i64 %".729"
  %".731" = load double, ptr %".730"
  %".732" = getelementptr inbounds double, ptr %"buf_t33", i64 %".717"
  store double %".731", ptr %".732"
  %".734" = add nsw i64 %"t33.i3", 1
  br label %"t33.3.head"
t33.3.done:
  %".736" = add nsw i64 %"t33.i2", 1
  br label %"t33.2.head"
t38.0.head:
  %"t38.i0" = phi  i64 [0, %"t33.0.done"], [%".812", %"t38.1.done"]
  %".767" = icmp slt i64 %"t38.i0", 2
  br i1 %".767", label %"t38.0.body", label %"t38.0.done"
t38.0.body:
  br label %"t38.1.head"
t38.0.done:
  ret void
t38.1.head:
  %"t38.i1" = phi  i64 [0, %"t38.0.body"], [%".810", %"t38.2.done"]
  %".770" = icmp slt i64 %"t38.i1", 1
  br i1 %".770", label %"t38.1.body", label %"t38.1.done"
t38.1.body:
  br label %"t38.2.head"
t38.1.done:
  %".812" = add nsw i64 %"t38.i0", 1
  br label %"t38.0.head"
t38.2.head:
  %"t38.i2" = phi  i64 [0, %"t38.1.body"], [%".808", %"t38.3.done"]
  %".773" = icmp slt i64 %"t38.i2", 3
  br i1 %".773", label %"t38.2.body", label %"t38.2.done"
t38.2.body:
  br label %"t38.3.head"
t38.2.done:
  %".810" = add nsw i64 %"t38.i1", 1
  br label %"t38.1.head"
t38.3.head:
  %"t38.i3" = phi  i64 [0, %"t38.2.body"], [%".806", %"t38.3.body"]
  %".776" = icmp slt i64 %"t38.i3", 3
  br i1 %".776", label %"t38.3.body", label %"t38.3.done"
t38.3.body:
  %".778" = mul i64 1, 3
  %".779" = mul i64 %".778", 3
  %".780" = mul i64 %".779", 1
  %".781" = mul i64 %".780", 2
  %".782" = mul i64 %"t38.i0", %".780"
  %".783" = add i64 0, %".782"
  %".784" = mul i64 %"t38.i1", %".779"
  %".785" = add i64 %".783", %".784"
  %".786" = mul i64 %"t38.i2", %".778"
  %".787" = add i64 %".785", %".786"
  %".788" = mul i64 %"t38.i3", 1
  %".789" = add i64 %".787", %".788"
  %".790" = mul i64 0, 1
  %".791" = add i64 %".790", %"t38.i1"
  %".792" = mul i64 %".791", 3
  %".793" = add i64 %".792", %"t38.i2"
  %".794" = mul i64 %".793", 3
  %".795" = add i64 %".794", %"t38.i3"
  %".796" = mul i64 1, 2
  %".797" = mul i64 %".796", 9
  %".798" = mul i64 %".795", %".796"
  %".799" = add i64 0, %".798"
  %".800" = mul i64 %"t38.i0", 1
  %".801" = add i64 %".799", %".800"
  %".802" = getelementptr inbounds double, ptr %"buf_t36", i64 %".801"
  %".803" = load double, ptr %".802"
  %".804" = getelementptr inbounds double, ptr %"buf_t38", i64 %".789"
  store double %".803", ptr %".804"
  %".806" = add nsw i64 %"t38.i3", 1
  br label %"t38.3.head"
t38.3.done:
  %".808" = add nsw i64 %"t38.i2", 1
  br label %"t38.2.head"
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
